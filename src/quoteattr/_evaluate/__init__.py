"""Scoring quotes against gold annotations: read the gold, match quotes, count what is right.

`gold` reads the annotations, `match` pairs predicted quotes with gold ones and compares names,
`scores` holds the result types and `tally` counts them. The front door is
`quoteattr.evaluate`; docs/evaluate.md states the rules.
"""
