#!/bin/sh
# Conway in any CI runner (Jenkins, Buildkite, CircleCI, …): run from the repository's root after
# a full-history checkout. Writes $CONWAY_OUT/conway.sarif (check: new violations) and
# $CONWAY_OUT/review.md (the pull-request comment; its first line is a marker a bot can use to
# edit its earlier comment instead of posting a new one). Exit 1 on new violations.
#   CONWAY       how to run Conway (default: conway)
#   CONWAY_BASE  the branch or commit the change will merge into (default: upstream, else main)
#   CONWAY_OUT   where to write the outputs (default: conway-out)
set -u
CONWAY=${CONWAY:-conway}
OUT=${CONWAY_OUT:-conway-out}
mkdir -p "$OUT"
$CONWAY check --format sarif --out "$OUT/conway.sarif"
check=$?
$CONWAY review ${CONWAY_BASE:+--base "$CONWAY_BASE"} --format md --out "$OUT/review.md" --fail-on new-violations
review=$?
[ "$check" -gt 1 ] && exit "$check"
[ "$review" -gt 1 ] && exit "$review"
[ "$check" -eq 0 ] && [ "$review" -eq 0 ] || exit 1
