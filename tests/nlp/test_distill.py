"""The fast model starts as the chosen layers of the full model."""

import torch

from nlp.base_checkpoint import build_from_base
from nlp.distill import student_from


def test_student_keeps_the_chosen_layers_embeddings_and_head():
    teacher = build_from_base()
    with torch.no_grad():
        teacher.classifier.weight.fill_(0.5)
    student = student_from(teacher, [0, 1, 2, 5])
    assert student.config.num_hidden_layers == 4
    t, s = teacher.state_dict(), student.state_dict()
    key = "bert.encoder.layer.{}.attention.self.query.weight"
    assert torch.equal(s[key.format(3)], t[key.format(5)]) and torch.equal(s[key.format(1)], t[key.format(1)])
    assert torch.equal(s["classifier.weight"], t["classifier.weight"])
    assert torch.equal(s["bert.embeddings.word_embeddings.weight"], t["bert.embeddings.word_embeddings.weight"])
