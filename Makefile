# Guatu (挂图) — common tasks. See scripts/test.sh and bench/README.md.
SHELL := /bin/bash

.PHONY: run test bench e2e pg-start pg-stop

run:    ## serve the app on :8080 with the demo zone (release build)
	swift run -c release guatu serve --demo

test:   ## everything CI runs: PostgreSQL cluster, swift test (SQLite + PostgreSQL), browser e2e
	bash scripts/test.sh

bench:  ## release build, generated "bench" zone, wrk against routes and their floors
	bash bench/run.sh

e2e:    ## browser test only (debug build)
	swift build --product guatu
	bash scripts/ensure-browser.sh
	python3 scripts/e2e.py "$$(swift build --show-bin-path)/guatu"

pg-start: ## start the private PostgreSQL test cluster and print the export line for swift test
	bash scripts/pg-test-cluster.sh start
	@echo "export GUATU_TEST_POSTGRES_URL=$$(bash scripts/pg-test-cluster.sh url)"

pg-stop:  ## stop it
	bash scripts/pg-test-cluster.sh stop
