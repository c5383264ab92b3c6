"""`make bench`: the synthetic corpus, the plain baseline, the build and search measurements."""
