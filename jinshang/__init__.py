"""The application: the `jinshang` command, the build, the report and charts, and the views.

The one layer that imports everything: it opens drivers at the edge, reads sources with
`loaders`, asks `queries`, and writes through `graph`. Nothing below imports it.
"""
