#!/usr/bin/env Rscript
# Reference values for the paired tests in src/stats/paired (paired t-test and
# Wilcoxon signed-rank test), from R's own t.test(paired = TRUE) and
# wilcox.test(paired = TRUE), plus exactRankTests::wilcox.exact for the exact
# permutation (conditional) signed-rank p-value with ties.
#
# Run from the repository root:  Rscript test/reference/paired.R
# Writes test/reference/paired.json (committed). Base R only, apart from the
# optional exactRankTests package (Debian: r-cran-exactranktests); without it
# the "permutation" cases are left out and their test is skipped.
#
# Numbers are written with 17 significant digits so a double round-trips exactly.

options(warn = 1)
set.seed(20240508)

num <- function(v) {
  if (length(v) == 0) return("null")
  if (is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
vec <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")
str <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s": %s', names(kv), unlist(kv)), collapse = ", "), "}")
}

# ---- input pairs -----------------------------------------------------------
# Named (x, y) pairs covering: tiny n, exact range, the n = 49 / 50 boundary of
# R's exact rule, ties, zero differences, both, WHO-5-like scores (multiples of
# 4, heavy ties), large effects with tiny p-values, and negative shifts.
pairs <- list()
add <- function(name, x, y) pairs[[name]] <<- list(x = x, y = y)

add("n2", c(1, 2), c(0, 2.5))
add("n3_no_ties", c(3.1, 4.7, 2.2), c(1.0, 5.0, 0.3))
add("n5_no_ties", c(1.83, 0.50, 1.62, 2.48, 1.68), c(0.878, 0.647, 0.598, 2.05, 1.06))
add("n10_no_ties", round(rnorm(10, 10, 2), 3), round(rnorm(10, 9, 2), 3))
add("n20_all_positive", 1:20 + 0.5, rep(0, 20))
add("n20_all_negative", rep(0, 20), (1:20) * 1.1)
add("n49_no_ties", round(rnorm(49, 0.3, 1), 6), rep(0, 49))
add("n50_no_ties", round(rnorm(50, 0.3, 1), 6), rep(0, 50))
add("n120_no_ties", round(rnorm(120, 0.2, 1), 6), round(rnorm(120, 0, 1), 6))
add("n8_ties", c(5, 7, 6, 9, 4, 8, 7, 6), c(3, 5, 4, 6, 5, 6, 4, 3))
add("n12_zeros", c(3, 5, 2, 8, 4, 4, 7, 1, 9, 3, 6, 5), c(3, 4, 2, 5, 4, 6, 3, 1, 5, 1, 6, 2))
add("n15_ties_and_zeros", c(2, 3, 3, 4, 4, 4, 5, 2, 1, 3, 4, 5, 2, 3, 4),
                          c(1, 3, 2, 2, 4, 3, 3, 2, 2, 1, 4, 4, 3, 3, 1))
add("n6_one_nonzero", c(1, 1, 1, 1, 1, 2), c(1, 1, 1, 1, 1, 1))
add("n1", 2, 0.5)
who5 <- function(n, start_mean, shift) {
  s <- pmin(pmax(round(rnorm(n, start_mean, 18) / 4) * 4, 0), 100)
  e <- pmin(pmax(s + round(rnorm(n, shift, 14) / 4) * 4, 0), 100)
  list(x = e, y = s)
}
w <- who5(24, 40, 5); add("who5_like_n24", w$x, w$y)
w <- who5(20, 58, 11); add("who5_like_n20", w$x, w$y)
w <- who5(44, 51, 5); add("who5_like_n44", w$x, w$y)
add("likert_n44", sample(1:5, 44, replace = TRUE), sample(1:5, 44, replace = TRUE))
add("large_effect_n30", round(rnorm(30, 5, 1), 5), round(rnorm(30, 0, 1), 5))
add("huge_effect_n60", round(rnorm(60, 12, 1), 5), round(rnorm(60, 0, 1), 5))

# ---- t-tests ---------------------------------------------------------------
ttests <- character()
for (name in names(pairs)) {
  p <- pairs[[name]]
  for (alt in c("two.sided", "less", "greater")) for (conf in c(0.95, 0.9, 0.99)) {
    r <- tryCatch(t.test(p$x, p$y, paired = TRUE, alternative = alt, conf.level = conf),
                  error = function(e) e)
    if (inherits(r, "error")) {
      ttests <- c(ttests, obj(pair = str(name), alternative = str(alt), confidence = num(conf),
                              error = str(conditionMessage(r))))
      next
    }
    ttests <- c(ttests, obj(pair = str(name), alternative = str(alt), confidence = num(conf),
      statistic = num(unname(r$statistic)), df = num(unname(r$parameter)), p = num(r$p.value),
      estimate = num(unname(r$estimate)), ci = vec(as.numeric(r$conf.int)), method = str(r$method)))
  }
}

# ---- Wilcoxon signed-rank (R) ---------------------------------------------
wtests <- character()
wcase <- function(name, alt, exact, correct) {
  p <- pairs[[name]]
  warned <- character()
  r <- withCallingHandlers(
    wilcox.test(p$x, p$y, paired = TRUE, alternative = alt, exact = exact, correct = correct),
    warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
  d <- p$x - p$y
  d <- d[d != 0]
  ties <- length(unique(abs(d))) != length(d)
  is_exact <- grepl("exact", r$method)
  wtests <<- c(wtests, obj(pair = str(name), alternative = str(alt),
    exact_arg = if (is.null(exact)) "null" else tolower(as.character(exact)),
    correct = tolower(as.character(correct)),
    statistic = num(unname(r$statistic)), p = num(r$p.value), method = str(r$method),
    exact = tolower(as.character(is_exact)), n = num(length(d)), ties = tolower(as.character(ties)),
    warnings = paste0("[", paste(vapply(warned, str, ""), collapse = ", "), "]")))
}
for (name in names(pairs)) {
  for (alt in c("two.sided", "less", "greater")) {
    wcase(name, alt, NULL, TRUE)
    wcase(name, alt, NULL, FALSE)
    wcase(name, alt, FALSE, TRUE)
    wcase(name, alt, TRUE, TRUE)
  }
}

# ---- exact permutation p with ties (exactRankTests::wilcox.exact) ----------
ptests <- character()
if (requireNamespace("exactRankTests", quietly = TRUE)) {
  suppressPackageStartupMessages(library(exactRankTests))
  for (name in c("n5_no_ties", "n10_no_ties", "n8_ties", "n12_zeros", "n15_ties_and_zeros",
                 "n6_one_nonzero", "who5_like_n24", "who5_like_n20", "who5_like_n44", "likert_n44",
                 "n20_all_positive")) {
    p <- pairs[[name]]
    for (alt in c("two.sided", "less", "greater")) {
      r <- wilcox.exact(p$x, p$y, paired = TRUE, alternative = alt, exact = TRUE)
      ptests <- c(ptests, obj(pair = str(name), alternative = str(alt),
        statistic = num(unname(r$statistic)), p = num(r$p.value), method = str(r$method)))
    }
  }
}

# ---- write -----------------------------------------------------------------
pair_json <- vapply(names(pairs), function(n) obj(x = vec(pairs[[n]]$x), y = vec(pairs[[n]]$y)), "")
out <- paste0(
  "{\n",
  '"generator": "test/reference/paired.R",\n',
  '"r_version": ', str(R.version.string), ",\n",
  '"exactRankTests": ', if (length(ptests)) str(as.character(packageVersion("exactRankTests"))) else "null", ",\n",
  '"pairs": {\n', paste(sprintf('  "%s": %s', names(pairs), pair_json), collapse = ",\n"), "\n},\n",
  '"t_test": [\n  ', paste(ttests, collapse = ",\n  "), "\n],\n",
  '"wilcoxon": [\n  ', paste(wtests, collapse = ",\n  "), "\n],\n",
  '"wilcoxon_permutation": [\n  ', paste(ptests, collapse = ",\n  "), "\n]\n",
  "}\n")
writeLines(out, "test/reference/paired.json", useBytes = TRUE)
cat(sprintf("wrote test/reference/paired.json: %d t-tests, %d Wilcoxon, %d permutation\n",
            length(ttests), length(wtests), length(ptests)))
