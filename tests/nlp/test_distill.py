"""The fast model starts as the chosen layers of the full model, then learns its probabilities."""

import torch

from nlp.batching import Example
from nlp.distill import student_from, teacher_probs
from nlp.model import build_from_base


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


def test_teacher_probabilities_are_attached_to_every_example():
    teacher = build_from_base().eval()
    examples = [Example([101, 2307, 102], 4, 1), Example([101, 6659, 2003, 102], -1, 0)]
    teacher_probs(teacher, examples, pad_id=0)
    assert all(e.soft is not None and abs(sum(e.soft) - 1) < 1e-5 for e in examples)
