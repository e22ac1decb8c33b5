# The two commands of README.md: `make run` and `make test`. Both install what is missing first.
BUILD    ?= build
JOBS     ?= $(shell nproc)
DEMO_DB  ?= $(HOME)/.local/share/allies/demo.db
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: setup build run test unit-test lint bench clean

setup:
	@bash scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The main job: the demo database (made once) and its briefing.
run: build
	@bash scripts/run-demo.sh $(BUILD)/src/allies "$(DEMO_DB)"

# Every test: unit and end-to-end tests, formatting, and static analysis.
test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	@bash scripts/lint.sh $(BUILD)

lint: build
	@bash scripts/lint.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
