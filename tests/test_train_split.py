"""`symnet train --test-split/--save` and `symnet predict`: the split, the model file
(read back by NumPy alone), the predictions, their errors, and the README's training loop.

The oracles share no code with what they test: the split is checked by counting rows, the
model file by `np.load(..., allow_pickle=False)` and `json`, the predictions against the
in-memory network's own forward pass, the README loop against XOR's truth table."""
import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest

from symnet.cli import main
from symnet.numeric import train as train_module
from symnet.numeric.model_file import from_run, load_model
from symnet.numeric.train import dataset, read_table, split_rows, train

ROOT = Path(__file__).resolve().parents[1]
WATERMELON = ROOT / "symnet" / "numeric" / "data" / "watermelon3.csv"

#: 12 rows, three classes, a categorical and a numeric feature, an id to ignore
FLOWERS = """id,colour,size,kind
1,red,1.0,rose
2,red,1.2,rose
3,blue,3.1,iris
4,red,0.9,rose
5,blue,2.8,iris
6,white,2.0,lily
7,white,2.2,lily
8,blue,3.3,iris
9,red,1.1,rose
10,white,1.9,lily
11,blue,2.9,iris
12,white,2.1,lily
"""


def _file(tmp_path, text, name="d.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _one_line_error(capsys, *needles):
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err
    return err


# --- the split ----------------------------------------------------------------------------

def test_split_is_seeded_stratified_and_covers_every_row():
    classes = np.array([0] * 8 + [1] * 9)             # watermelon 3.0: 8 good, 9 bad
    train_rows, test_rows = split_rows(classes, 0.2, seed=0)
    assert len(test_rows) == 3 and len(train_rows) == 14            # round(0.2 * 17)
    assert sorted([*train_rows, *test_rows]) == list(range(17))
    assert sorted(classes[test_rows].tolist()) == [0, 1, 1]          # 1.41 and 1.59 of 3
    again = split_rows(classes, 0.2, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(again, (train_rows, test_rows)))
    others = {tuple(split_rows(classes, 0.2, seed=s)[1]) for s in range(6)}
    assert len(others) > 1                                           # the seed draws
    everything, none = split_rows(classes, 0.0, seed=0)
    assert everything.tolist() == list(range(17)) and len(none) == 0


def test_numeric_columns_are_standardised_on_the_training_rows(tmp_path):
    ds = dataset(_file(tmp_path, FLOWERS), ignore=("id",), test_split=0.25, seed=1)
    assert len(ds.X) == 9 and len(ds.X_test) == 3
    size = ds.encoding.features.index("size")
    assert abs(ds.X[:, size].mean()) < 1e-12 and abs(ds.X[:, size].std() - 1) < 1e-12
    assert ds.Y_test.sum(axis=0).tolist() == [1, 1, 1]              # one of each class


def test_no_split_keeps_the_run_as_it_was():
    a = train("watermelon3", "standard", epochs=5, seed=1)
    b = train("watermelon3", "standard", epochs=5, seed=1, test_split=0.0)
    assert a.errors == b.errors and a.rows == (17, 0) and b.test_accuracy is None


def test_train_reports_train_and_test_accuracy_and_loss(capsys):
    argv = ["train", "--data", "watermelon3", "--test-split", "0.2", "--seed", "0",
            "--epochs", "40"]
    assert main(argv + ["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rows"] == {"train": 14, "test": 3} and out["test_split"] == 0.2
    for run in out["runs"]:
        assert 0 <= run["accuracy"] <= 1 and 0 <= run["test_accuracy"] <= 1
        assert run["final_error"] > 0 and run["test_error"] > 0
        assert run["updates"] == (40 * 14 if run["mode"] == "standard" else 40)
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "14 training rows, 3 test rows" in text
    assert len(re.findall(r"train E = [\d.]+, accuracy \d+%; test E = [\d.]+, accuracy \d+%",
                          text)) == 2


def test_a_csv_split_reports_both_parts(tmp_path, capsys):
    path = _file(tmp_path, FLOWERS)
    assert main(["train", "--data", path, "--ignore", "id", "--test-split", "0.25",
                 "--mode", "accumulated", "--epochs", "30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layers"] == [4, 10, 3] and out["rows"] == {"train": 9, "test": 3}
    assert out["runs"][0]["test_accuracy"] in (0, 1 / 3, 2 / 3, 1)


# --- save, load, predict ------------------------------------------------------------------

def test_save_load_predict_round_trip(tmp_path, capsys):
    data, model_path, out = _file(tmp_path, FLOWERS), tmp_path / "m.npz", tmp_path / "p.csv"
    assert main(["train", "--data", data, "--ignore", "id", "--test-split", "0.25",
                 "--seed", "3", "--epochs", "60", "--save", str(model_path)]) == 0
    assert "saved the standard BP network" in capsys.readouterr().out
    run = train(data, "standard", epochs=60, seed=3, ignore=("id",), test_split=0.25)
    labels, Yhat = from_run(run).predict(read_table(data))
    loaded_labels, loaded_Yhat = load_model(str(model_path)).predict(read_table(data))
    assert loaded_labels == labels and np.array_equal(loaded_Yhat, Yhat)
    assert main(["predict", "--model", str(model_path), "--data", data, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 12 predictions to {out}\n"
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["kind", "output:rose", "output:iris", "output:lily"]
    assert [r[0] for r in rows[1:]] == labels
    assert np.array_equal(np.array([[float(v) for v in r[1:]] for r in rows[1:]]), Yhat)
    assert [Yhat[i].argmax() for i in range(12)] == [["rose", "iris", "lily"].index(x)
                                                    for x in labels]
    assert main(["predict", "--model", str(model_path), "--data", data, "--json"]) == 0
    predictions = json.loads(capsys.readouterr().out)["predictions"]
    assert [p["label"] for p in predictions] == labels
    assert np.array_equal(np.array([p["outputs"] for p in predictions]), Yhat)


def test_the_model_file_is_plain_numpy(tmp_path, capsys):
    path = tmp_path / "melon.npz"
    assert main(["train", "--data", "watermelon3", "--epochs", "20", "--mode", "both",
                 "--save-mode", "accumulated", "--save", str(path)]) == 0
    with np.load(path, allow_pickle=False) as z:
        assert sorted(z.files) == ["layers", "metadata", "params_0", "params_1"]
        assert z["layers"].tolist() == [19, 10, 1]
        assert z["params_0"].shape == (20, 10) and z["params_1"].shape == (11, 1)
        assert z["params_0"].dtype == np.float64
        meta = json.loads(z["metadata"][0])
    assert meta["mode"] == "accumulated" and meta["activation"] == "sigmoid"
    assert meta["loss"] == "squared" and meta["classes"] == ["是", "否"]
    assert meta["features"][0] == "color=青绿" and meta["features"][-2:] == ["density", "sugar"]
    columns = [c["name"] for c in meta["encoding"]["inputs"]]
    assert columns == ["color", "root", "knock", "texture", "navel", "touch", "density", "sugar"]
    accumulated = train("watermelon3", "accumulated", epochs=20)
    with np.load(path, allow_pickle=False) as z:
        assert np.array_equal(z["params_0"], accumulated.params[0])


def test_a_watermelon_model_predicts_the_shipped_file(tmp_path, capsys):
    """Its own training rows, encoded again from the file: the training accuracy."""
    path = tmp_path / "melon.npz"
    assert main(["train", "--data", "watermelon3", "--epochs", "100", "--mode", "standard",
                 "--save", str(path), "--json"]) == 0
    accuracy = json.loads(capsys.readouterr().out)["runs"][0]["accuracy"]
    assert main(["predict", "--model", str(path), "--data", str(WATERMELON), "--json"]) == 0
    predicted = [p["label"] for p in json.loads(capsys.readouterr().out)["predictions"]]
    truth = [row["good"] for row in csv.DictReader(WATERMELON.open(encoding="utf-8"))]
    assert np.mean([p == t for p, t in zip(predicted, truth)]) == accuracy


# --- errors: one line, exit 2 -------------------------------------------------------------

@pytest.mark.parametrize("split, needle", [
    ("1", "must be below 1"),
    ("1.5", "must be below 1"),
    ("-0.1", "argument --test-split: must be 0 or more"),
    ("half", "argument --test-split: expected a number"),
    ("nan", "argument --test-split: must be finite"),
    ("0.1", "holds back 0 of the 4 rows"),             # XOR: no test row
    ("0.9", "holds back 4 of the 4 rows"),             # no training row
])
def test_bad_test_split(capsys, split, needle):
    assert main(["train", "--data", "xor", "--epochs", "1", "--test-split", split]) == 2
    _one_line_error(capsys, "--test-split", needle)


def _no_training(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("training started before the --save path was checked")
    monkeypatch.setattr(train_module, "train", refuse)


@pytest.mark.parametrize("where, needle", [
    ("missing/m.npz", "does not exist"),
    ("afile/m.npz", "is a file, not a folder"),
    ("m.txt", "should name a .npz file"),
    (".", "should name a .npz file"),
])
def test_an_unwritable_save_path_is_said_before_training(tmp_path, monkeypatch, capsys,
                                                         where, needle):
    (tmp_path / "afile").write_text("")
    _no_training(monkeypatch)
    assert main(["train", "--epochs", "5000", "--save", str(tmp_path / where)]) == 2
    _one_line_error(capsys, "--save", needle)


@pytest.mark.parametrize("argv, needle", [
    (["--save-mode", "standard"], "give --save FILE.npz"),
    (["--mode", "accumulated", "--save-mode", "standard", "--save", "m.npz"],
     "trains accumulated BP only"),
])
def test_save_mode_conflicts(tmp_path, monkeypatch, capsys, argv, needle):
    _no_training(monkeypatch)
    argv = [str(tmp_path / a) if a == "m.npz" else a for a in argv]
    assert main(["train"] + argv) == 2
    _one_line_error(capsys, "--save-mode", needle)
    assert not (tmp_path / "m.npz").exists()


@pytest.fixture
def flower_model(tmp_path, capsys):
    path = tmp_path / "m.npz"
    assert main(["train", "--data", _file(tmp_path, FLOWERS), "--ignore", "id",
                 "--epochs", "5", "--mode", "accumulated", "--save", str(path)]) == 0
    capsys.readouterr()
    return str(path)


@pytest.mark.parametrize("text, needles", [
    ("id,size,kind\n1,2.0,rose\n", ["no column 'colour'", "an input of the model"]),
    ("id,kind\n1,rose\n", ["no column 'colour', 'size'", "inputs of the model"]),
    ("colour,size\nred,1.0\ngreen,2.0\n", ["line 3", "unknown category 'green'",
                                          "column 'colour'", "known: red, blue, white"]),
    ("colour,size\nred,big\n", ["line 2", "non-numeric value 'big'", "column 'size'"]),
    ("colour,size\nred\n", ["line 2: 1 values for 2 columns"]),
    ("colour,size\n", ["needs a header row and at least one data row"]),
])
def test_predict_errors_name_the_column(tmp_path, capsys, flower_model, text, needles):
    out = tmp_path / "out.csv"
    data = _file(tmp_path, text, "new.csv")
    assert main(["predict", "--model", flower_model, "--data", data, "-o", str(out)]) == 2
    _one_line_error(capsys, "--data", *needles)
    assert not out.exists()


def test_predict_without_the_target_or_the_ignored_column(tmp_path, capsys, flower_model):
    data = _file(tmp_path, "size,colour,extra\n1.0,red,x\n3.0,blue,y\n", "new.csv")
    assert main(["predict", "--model", flower_model, "--data", data]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind,output:rose,output:iris,output:lily" and len(lines) == 3


@pytest.mark.parametrize("make, needle", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_text("id,kind\n"), "not a model file"),
    (lambda p: np.save(p.open("wb"), np.zeros(3)), "not a model file"),
    (lambda p: np.savez(p.open("wb"), layers=np.array([2, 1])), "no 'metadata'"),
])
def test_predict_refuses_what_is_not_a_model(tmp_path, capsys, make, needle):
    model = tmp_path / "m.npz"
    make(model)
    data = _file(tmp_path, "x1,x2\n0,1\n")
    assert main(["predict", "--model", str(model), "--data", data, "--json"]) == 2
    _one_line_error(capsys, "--model", needle)


def test_predict_checks_its_output_path_first(tmp_path, capsys, flower_model):
    assert main(["predict", "--model", flower_model, "--data", str(tmp_path / "none.csv"),
                 "-o", str(tmp_path / "missing" / "p.csv")]) == 2
    _one_line_error(capsys, "-o", "does not exist")


# --- the README -------------------------------------------------------------------------

def _readme_block(needle: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    found = [b for b in blocks if needle in b]
    assert len(found) == 1, f"one README python block with {needle!r}, found {len(found)}"
    return found[0]


def test_the_readme_training_loop_learns_xor(capsys):
    code = _readme_block("from symnet.numeric.generated import kernel_xor as k")
    assert len(code.strip().splitlines()) <= 8
    scope = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["E"] < 0.01
    assert (scope["k"].forward(scope["params"], scope["X"]) >= 0.5).ravel().tolist() == \
        [False, True, True, False]
    assert "[0.03 0.97 0.98 0.02]" in capsys.readouterr().out         # as the README says


def test_the_readme_reads_a_model_with_numpy_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["train", "--data", "watermelon3", "--epochs", "3", "--save", "melon.npz"]) == 0
    scope = {}
    exec(compile(_readme_block('np.load("melon.npz"'), "README.md", "exec"), scope)
    assert [W.shape for W in scope["params"]] == [(20, 10), (11, 1)]
    assert scope["meta"]["layers"] == [19, 10, 1]
