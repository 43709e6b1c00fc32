"""Settings precedence (flag > environment > config file > default) and bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenroom.config import Settings, load_settings
from greenroom.errors import ConfigurationError


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_anything(tmp_path: Path) -> None:
    settings = load_settings(environ={}, config_file=tmp_path / "absent.toml")
    assert settings.threads == 1
    assert settings.embedder == "minilm"
    assert settings.question_bank is None
    assert settings.max_answer_words == 5000


def test_config_file_beats_default(tmp_path: Path) -> None:
    path = _config(tmp_path, 'threads = 3\nembedder = "hashing"\n')
    settings = load_settings(environ={}, config_file=path)
    assert settings.threads == 3
    assert settings.embedder == "hashing"
    assert settings.max_answer_words == 5000


def test_environment_beats_config_file(tmp_path: Path) -> None:
    path = _config(tmp_path, "threads = 3\nmax_answer_words = 800\n")
    settings = load_settings(environ={"GREENROOM_THREADS": "4"}, config_file=path)
    assert settings.threads == 4
    assert settings.max_answer_words == 800


def test_flag_beats_environment_and_file(tmp_path: Path) -> None:
    path = _config(tmp_path, "threads = 3\n")
    settings = load_settings({"threads": 5}, environ={"GREENROOM_THREADS": "4"}, config_file=path)
    assert settings.threads == 5


def test_unset_flag_does_not_override(tmp_path: Path) -> None:
    path = _config(tmp_path, "threads = 3\n")
    settings = load_settings({"threads": None}, environ={}, config_file=path)
    assert settings.threads == 3


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = _config(tmp_path, "threads = 6\n")
    settings = load_settings(environ={"GREENROOM_CONFIG": str(path)})
    assert settings.threads == 6


def test_paths_are_paths(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    settings = load_settings(
        environ={"GREENROOM_QUESTION_BANK": str(bank)}, config_file=tmp_path / "absent.toml"
    )
    assert settings.question_bank == bank


def test_host_environment_is_stripped_by_the_suite() -> None:
    settings = load_settings()
    assert settings == Settings.model_validate({})


def _assert_one_line(exc: pytest.ExceptionInfo[ConfigurationError], *fragments: str) -> None:
    message = str(exc.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(
    ("flags", "environ", "fragment"),
    [
        ({"threads": 0}, {}, "threads"),
        ({"threads": 65}, {}, "threads"),
        ({}, {"GREENROOM_THREADS": "many"}, "threads"),
        ({}, {"GREENROOM_MAX_ANSWER_WORDS": "5"}, "max_answer_words"),
        ({"colour": "blue"}, {}, "colour"),
    ],
)
def test_bad_values(
    tmp_path: Path, flags: dict[str, object], environ: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ConfigurationError) as exc:
        load_settings(flags, environ=environ, config_file=tmp_path / "absent.toml")
    _assert_one_line(exc, fragment)


def test_bad_value_in_config_file(tmp_path: Path) -> None:
    path = _config(tmp_path, "threads = 0\n")
    with pytest.raises(ConfigurationError) as exc:
        load_settings(environ={}, config_file=path)
    _assert_one_line(exc, "threads")


def test_unknown_key_in_config_file(tmp_path: Path) -> None:
    path = _config(tmp_path, "treads = 2\n")
    with pytest.raises(ConfigurationError) as exc:
        load_settings(environ={}, config_file=path)
    _assert_one_line(exc, "treads")


@pytest.mark.parametrize(
    "text",
    ["threads = \n", "[unclosed\n", 'embedder = "minilm\n', "threads = 2\nthreads = 3\n"],
)
def test_bad_toml(tmp_path: Path, text: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(ConfigurationError) as exc:
        load_settings(environ={}, config_file=path)
    _assert_one_line(exc, str(path))


def test_config_file_not_text(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00threads")
    with pytest.raises(ConfigurationError) as exc:
        load_settings(environ={}, config_file=path)
    _assert_one_line(exc, str(path))


def test_bad_setting_through_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from greenroom.cli.main import run

    monkeypatch.setenv("GREENROOM_THREADS", "0")
    with pytest.raises(SystemExit) as exc:
        run(["questions", "--json"])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: setting threads")
    assert len(err.strip().splitlines()) == 1
