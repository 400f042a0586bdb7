"""What a figure is, one kind of question a module: the parts of `factcheck.extract`'s reading.

`labels` (names, addresses, ordinals, years), `ages` (an age and whose it is), `amounts`
(percentages, money, durations, magnitudes, measures), `counts` (what a count counts) and `scope`
(which occurrence a count is: part, total, update, another event). Each returns a `Found`.
They import one way: counts -> scope -> labels -> amounts, all -> describe and vocab.
"""
