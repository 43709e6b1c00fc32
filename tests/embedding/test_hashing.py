"""The feature-hashing stand-in: deterministic, dependency-free, meaningless but consistent."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from greenroom.domain.ports import Embedder
from greenroom.embedding.hashing import HashingEmbedder, features
from greenroom.embedding.similarity import cosine
from greenroom.errors import ConfigurationError


def test_it_satisfies_the_embedder_protocol() -> None:
    embedder: Embedder = HashingEmbedder()
    assert embedder.name == "hashing"


def test_rows_are_unit_length_float32_with_384_dimensions() -> None:
    vectors = HashingEmbedder().embed(["Tell me about yourself.", "I led a team of five."])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)


def test_the_same_text_gives_the_same_vector_in_a_fresh_interpreter() -> None:
    # Python's hash() is salted per process; BLAKE2b is not, so a new process must agree.
    code = (
        "from greenroom.embedding.hashing import HashingEmbedder;"
        "print(HashingEmbedder().embed(['angry customer'])[0].tobytes().hex())"
    )
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert other == HashingEmbedder().embed(["angry customer"])[0].tobytes().hex()


def test_case_and_punctuation_do_not_change_the_vector() -> None:
    a, b = HashingEmbedder().embed(["Angry customer!", "angry   CUSTOMER"])
    np.testing.assert_array_equal(a, b)


def test_texts_sharing_words_are_closer_than_texts_sharing_none() -> None:
    q, near, far = HashingEmbedder().embed(
        ["handled an angry customer", "the customer was angry", "bake the bread slowly"]
    )
    assert cosine(q, near) > cosine(q, far) + 0.3


@pytest.mark.parametrize("text", ["", "   ", "?!..."])
def test_text_without_words_gives_a_zero_row(text: str) -> None:
    (row,) = HashingEmbedder().embed([text])
    assert not row.any()


def test_empty_input_gives_an_empty_matrix_of_the_right_width() -> None:
    assert HashingEmbedder().embed([]).shape == (0, 384)


def test_the_dimension_can_be_chosen() -> None:
    assert HashingEmbedder(dim=16).embed(["hello there"]).shape == (1, 16)


def test_a_dimension_below_one_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        HashingEmbedder(dim=0)


def test_features_are_words_and_edge_marked_trigrams() -> None:
    assert list(features("Hi")) == [("w:hi", 1.0), ("t:^hi", 0.5), ("t:hi$", 0.5)]


def test_curly_apostrophes_count_as_straight_ones() -> None:
    a, b = HashingEmbedder().embed(["I didn’t", "I didn't"])
    np.testing.assert_array_equal(a, b)
