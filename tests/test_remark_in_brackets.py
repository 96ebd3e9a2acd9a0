r"""A remark wholly in brackets at the end of a row, ``\text{ (by the sigmoid's f' = f(1-f))}``,
gives a reason, as a remark after ``&&`` does: the row is read.  One that holds a word of
condition (when, if, only, 当, 若, 仅当, 假设, ...) may qualify the row, and so do words
anywhere else: those rows stay not checked.  Verdicts worked out by hand (section 5.3:
d yhat_j / d beta_j = yhat_j (1 - yhat_j), (5.10))."""
import pytest

from symnet.checker.documents import check_document

LEFT = r"\frac{\partial \hat{y}_j}{\partial \beta_j} = "
TRUE, FALSE = r"\hat{y}_j (1 - \hat{y}_j)", r"2\hat{y}_j (1 - \hat{y}_j)"


def statuses(body):
    return [v.status for v in check_document(f"$$\n{body}\n$$\n", "md")]


@pytest.mark.parametrize("remark", [
    r"\text{ (利用 Sigmoid 函数的性质 f'(x)=f(x)(1-f(x)))}", r"\text{(chain rule)}",
    r"\text{（由式 5.3）}", r"\textrm{ (by (5.3)) }",
])
def test_a_reason_in_brackets_at_the_end_of_a_row_is_read(remark):
    assert statuses(LEFT + TRUE + " " + remark) == ["holds"]
    assert statuses(LEFT + FALSE + " " + remark) == ["refuted"]
    rows = (r"\begin{aligned}" + LEFT.replace("=", "&=") + r"f'(\beta_j - \theta_j) " + remark
            + r" \\ &= " + TRUE + r"\end{aligned}")
    assert statuses(rows) == ["holds"]


@pytest.mark.parametrize("remark", [
    r"\text{ (when j = 1)}", r"\text{ (仅当 j=1)}", r"\text{ (当j=1时)}", r"\text{ (if l = 1)}",
    r"\text{ (假设 f 为 sigmoid)}", r"\text{ (for j = 1 only)}", r"\text{ (j = 1)}",
    r"\text{ (j \ne 1)}", r"\text{（j=1时）}", r"\text{ (h \neq j, i \in D)}",
])
def test_a_remark_with_a_condition_keeps_the_row_unread(remark):
    assert statuses(LEFT + FALSE + " " + remark) == ["not checked"]


def test_a_remark_in_brackets_before_more_of_the_row_still_may_qualify_it():
    assert statuses(LEFT + FALSE + r" \text{ (利用此式)} + 0") == ["not checked"]
