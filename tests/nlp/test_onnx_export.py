"""The ONNX export: eager attention traced, int8 weights when asked, the model left as it was."""

import numpy as np

import nlp
from nlp.onnx_export import export


def test_export_restores_the_attention_setting(tiny_checkpoint, onnx_cache):
    import onnx

    scorer = nlp.load_scorer(str(tiny_checkpoint), quantized=False, backend="onnx")
    # the export traces eager attention; the loaded model keeps its own setting
    assert scorer.model.config._attn_implementation != "eager"
    paths = list(onnx_cache.glob("*-fp32-*.onnx"))
    assert paths
    for path in paths:  # attention as plain ops, which ONNX Runtime fuses when it loads them
        assert "Softmax" in {node.op_type for node in onnx.load(str(path)).graph.node}


def test_quantised_export_holds_int8_products_and_restores_the_model(tiny_checkpoint, tmp_path):
    import onnx
    import onnxruntime as ort
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(str(tiny_checkpoint))
    model.train()
    path = export(model, tmp_path / "sub" / "model.onnx", quantized=True)
    assert model.training  # put back in the mode it came in
    assert sorted(p.name for p in path.parent.iterdir()) == ["model.onnx"]  # no temporary files left
    ops = {node.op_type for node in onnx.load(str(path)).graph.node}
    assert ops & {"DynamicQuantizeMatMul", "MatMulInteger"}
    ids = np.ones((3, 11), dtype=np.int64)  # another batch and length than the trace's
    logits = ort.InferenceSession(str(path)).run(None, {"input_ids": ids, "attention_mask": ids})[0]
    assert logits.shape == (3, model.config.num_labels)


def test_fp32_export_matches_the_model(tiny_checkpoint, tmp_path):
    import onnxruntime as ort
    import torch
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(str(tiny_checkpoint)).eval()
    path = export(model, tmp_path / "model.onnx", quantized=False)
    ids = torch.tensor([[5, 6, 7, 8, 9], [5, 6, 7, 0, 0]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    with torch.no_grad():
        want = model(input_ids=ids, attention_mask=mask).logits.numpy()
    got = ort.InferenceSession(str(path)).run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
    assert np.allclose(got, want, atol=1e-4)
