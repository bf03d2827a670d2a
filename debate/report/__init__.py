"""Documents made from threads: thread reports, comparisons, worksheets, annotator agreement.

`data` computes a report's content as plain data; `markdown` renders it; `escape`
makes untrusted text inert; `compare`, `worksheet` and `agreement` serve
`debate compare`, `debate worksheet` and `debate agreement`.
"""
