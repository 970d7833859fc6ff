"""The umot sentiment network: a BERT encoder, mean pooling over tokens, a linear 5-star head.

Mean pooling is how the base encoder (all-MiniLM-L6-v2) was trained, so its
sentence vectors are meaningful before fine-tuning starts. The class subclasses
``BertPreTrainedModel`` so the transformers ``pipeline`` can run it too (the
speed bench compares the two).
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import BertConfig, BertModel
from transformers.modeling_outputs import SequenceClassifierOutput
from transformers.models.bert.modeling_bert import BertPreTrainedModel

from nlp.labels import label_names


class MeanPoolSentiment(BertPreTrainedModel):
    """BERT encoder + mean pooling + dropout + linear head."""

    def __init__(self, config: BertConfig) -> None:
        super().__init__(config)
        self.num_labels = len(label_names(config.id2label))
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, self.num_labels)
        self.post_init()

    def pool(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
             token_type_ids: torch.Tensor | None = None) -> torch.Tensor:
        """The mean of the encoder's last hidden states over the real (unpadded) tokens."""
        hidden = self.bert(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None, labels: torch.Tensor | None = None,
                **_: object) -> SequenceClassifierOutput:
        """Logits per class, and the cross-entropy loss when ``labels`` are given (as transformers models do)."""
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        logits = self.classifier(self.dropout(self.pool(input_ids, attention_mask, token_type_ids)))
        loss = None
        if labels is not None:
            loss = nn.functional.cross_entropy(logits, labels)
        return SequenceClassifierOutput(loss=loss, logits=logits)
