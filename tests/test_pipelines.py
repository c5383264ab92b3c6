"""The pipeline definitions for the git server run make tjek and the tests on every change request, and build
and publish main with make build."""

from __future__ import annotations

import yaml

from .support import ROOT


def _scripts(job: dict) -> str:
    steps = job.get("script") or [step.get("script", "") for step in job.get("steps", [])]
    return "\n".join(steps if isinstance(steps, list) else [steps])


def test_gitlab_checks_every_merge_request_and_builds_main():
    """GitLab: tjek (with its JUnit report) and test on merge requests; byg on the default branch keeps site/."""
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    rules = [rule["if"] for rule in ci["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in rules, rules
    assert "make tjek" in _scripts(ci["tjek"]) and ci["tjek"]["artifacts"]["reports"]["junit"] == "tjek.xml"
    assert ".ci/run" in _scripts(ci["test"]) and "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make build" in _scripts(ci["byg"]) and ci["byg"]["artifacts"]["paths"] == ["site/"], ci["byg"]
    assert "merge_request_event" not in str(ci["byg"]["rules"]), "a merge request must not build for publishing"


def test_azure_checks_every_pull_request_and_builds_main():
    """Azure: pull requests run tjek and test; main alone runs make build and publishes site."""
    ci = yaml.safe_load((ROOT / "azure-pipelines.yml").read_text(encoding="utf-8"))
    check, build = ci["stages"]
    jobs = {job["job"]: job for job in check["jobs"]}
    assert ci["pr"]["branches"]["include"] == ["*"] and ci["trigger"]["branches"]["include"] == ["main"], ci
    assert "make tjek" in _scripts(jobs["tjek"]) and ".ci/run" in _scripts(jobs["test"]), jobs
    assert "make build" in _scripts(build["jobs"][0]), build
    assert {"publish": "site", "artifact": "vidensportal"} in build["jobs"][0]["steps"], build
    assert "refs/heads/main" in build["condition"], "only main is built for publishing"
