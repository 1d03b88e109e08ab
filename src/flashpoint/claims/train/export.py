"""Export the fine-tuned cross-encoder for the runtime: int8 ONNX + tokenizer.json.

The runtime (``claims.model``) needs only ``onnxruntime`` and ``tokenizers``: the export traces
the torch model once (opset 17, dynamic batch and length), then ``quantize_dynamic`` stores the
linear layers' weights as int8, which makes the file ~4x smaller and inference ~2x faster on a
CPU at a small cost in agreement with the fp32 model (measured and written in the model card).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

OPSET = 17


def export_onnx(model: Any, tokenizer_dir: Path, out_dir: Path) -> Path:
    """Write ``model.onnx`` (int8) and ``tokenizer.json`` into ``out_dir``; return the model path."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / "model.fp32.onnx"
    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={n: {0: "batch", 1: "length"} for n in ("input_ids", "attention_mask", "token_type_ids")}
            | {"logits": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )
    final = out_dir / "model.onnx"
    quantize_dynamic(str(fp32), str(final), weight_type=QuantType.QInt8)
    fp32.unlink()
    shutil.copyfile(tokenizer_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return final


__all__ = ["export_onnx"]
