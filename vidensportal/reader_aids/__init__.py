"""What changed and when: git history of the sources, pages' last-changed dates, review dates, the news feed."""
