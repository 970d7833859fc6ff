"""A larger teacher for the sentiment students: all-mpnet-base-v2, fine-tuned top layers only.

A training-time extra (`make teacher`, `umot teacher`), never imported by
`umot score`: it fine-tunes the top ``top_layers`` of mpnet's 12 layers on the
same files and splits as `make model` (the lower layers run once; their outputs
are cached), then writes its 5-star probabilities for every training text
(optionally cross-fitted: each scored by a teacher that did not train on it),
keyed by a hash of the text (``nlp.teacher.probs``). `umot train --teacher-probs`
makes the student learn them next to its labels.

Modules: ``weights`` (download, join, verify), ``net`` (the network, split at
the frozen layers), ``cache`` (the frozen layers' outputs), ``fit`` (the loop),
``probs`` (the file students read), ``run`` (one teacher stage end to end).
"""

from __future__ import annotations

from nlp.teacher.probs import TeacherProbs, load_probs, save_probs, text_key

__all__ = ["TeacherProbs", "load_probs", "save_probs", "text_key"]
