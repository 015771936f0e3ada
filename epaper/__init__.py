"""The pipeline behind ``helpers``: read -> clean -> segment -> annotate -> (people, topics, figures)."""
