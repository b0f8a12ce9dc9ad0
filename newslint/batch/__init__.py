"""`newslint batch`: an archive linted on Dask, in chunks, into one Parquet file per chunk.

`stories` reads the archive (folders, glob patterns, JSON Lines or Parquet files of stories),
`chunks` groups it and names each chunk by its content, `worker` lints a chunk on a Dask worker
with the model loaded once per worker, `results` writes and reads the chunk files, `summary`
totals them and `runner` drives the cluster.
"""
