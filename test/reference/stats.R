#!/usr/bin/env Rscript
# Reference values for src/stats (two proportions, continuous outcomes, power, weighting,
# Holm). Run from the repository root:  Rscript test/reference/stats.R
# Writes test/reference/stats.json (committed). Needs base R plus, for the power and
# weighting sections, the Debian packages r-cran-pwr and r-cran-sandwich (sections are
# left out, and their tests skipped, when a package is missing).
#
# Where R has the method built in it is used directly: prop.test (Wilson intervals,
# z-tests with and without Yates), binom.test (Clopper-Pearson), fisher.test, t.test,
# wilcox.test, power.prop.test, p.adjust, pwr::pwr.2p2n.test, sandwich::vcovHC.
# Where R has no built-in (Newcombe, Miettinen-Nurminen, Agresti-Caffo, Wald, Katz, Woolf,
# Jeffreys, Fisher mid-p, and Fisher's MLE/interval solved to full precision) the method is
# written out below from its paper, and the published vectors of docs/domain §4 are
# checked here (the script stops if one does not reproduce).
#
# Numbers are written with 17 significant digits so a double round-trips exactly;
# NaN/NA become null and infinities the strings "Inf"/"-Inf".

options(warn = -1)

num <- function(v) {
  if (length(v) == 0 || is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
vec <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")
str <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s": %s', names(kv), unlist(kv)), collapse = ", "), "}")
}
arr <- function(items) paste0("[\n  ", paste(items, collapse = ",\n  "), "\n]")

# ---- hand-written methods ------------------------------------------------------------

zcrit <- function(conf) qnorm((1 + conf) / 2)
wilson <- function(x, n, conf) prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int[1:2]

# Newcombe (1998) method 10: hybrid score from the two Wilson intervals.
newcombe <- function(x1, n1, x2, n2, conf) {
  p1 <- x1 / n1; p2 <- x2 / n2; a <- wilson(x1, n1, conf); b <- wilson(x2, n2, conf)
  d <- p1 - p2
  c(d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
}

# Miettinen & Nurminen (1985): restricted MLE by Farrington & Manning's closed form,
# score with the N/(N-1) factor, bounds by bisection to the last representable digit.
mn_restricted <- function(x1, n1, x2, n2, delta) {
  p1 <- x1 / n1; p2 <- x2 / n2; theta <- n2 / n1
  a <- 1 + theta
  b <- -(1 + theta + p1 + theta * p2 + delta * (theta + 2))
  c <- delta^2 + delta * (2 * p1 + theta + 1) + p1 + theta * p2
  d <- -p1 * delta * (1 + delta)
  v <- b^3 / (27 * a^3) - b * c / (6 * a^2) + d / (2 * a)
  s <- sqrt(max(0, b^2 / (9 * a^2) - c / (3 * a)))
  u <- if (v < 0) -s else s
  r <- if (u == 0) 0 else min(1, max(-1, v / u^3))
  w <- (pi + acos(r)) / 3
  t1 <- 2 * u * cos(w) - b / (3 * a)
  t1 <- min(min(1, 1 + delta), max(max(0, delta), t1))
  c(t1, t1 - delta)
}
mn_score <- function(x1, n1, x2, n2, delta) {
  t <- mn_restricted(x1, n1, x2, n2, delta); N <- n1 + n2
  v <- (t[1] * (1 - t[1]) / n1 + t[2] * (1 - t[2]) / n2) * N / (N - 1)
  diff <- x1 / n1 - x2 / n2 - delta
  if (diff == 0) return(0)
  if (v > 0) diff / sqrt(v) else sign(diff) * Inf
}
bisect <- function(f, lo, hi) {
  flo <- f(lo); fhi <- f(hi)
  if (flo == 0) return(lo)
  if (fhi == 0) return(hi)
  stopifnot(sign(flo) != sign(fhi))
  repeat {
    mid <- lo + (hi - lo) / 2
    if (mid <= lo || mid >= hi) break
    fm <- f(mid)
    if (fm == 0) return(mid)
    if (sign(fm) == sign(flo)) { lo <- mid; flo <- fm } else hi <- mid
  }
  lo + (hi - lo) / 2
}
mn <- function(x1, n1, x2, n2, conf) {
  z <- zcrit(conf); d <- x1 / n1 - x2 / n2
  lower <- if (d <= -1) -1 else bisect(function(t) mn_score(x1, n1, x2, n2, t) - z, -1, d)
  upper <- if (d >= 1) 1 else bisect(function(t) mn_score(x1, n1, x2, n2, t) + z, d, 1)
  c(lower, upper)
}
agresti_caffo <- function(x1, n1, x2, n2, conf) {
  z <- zcrit(conf); q1 <- (x1 + 1) / (n1 + 2); q2 <- (x2 + 1) / (n2 + 2)
  se <- sqrt(q1 * (1 - q1) / (n1 + 2) + q2 * (1 - q2) / (n2 + 2))
  c(max(-1, q1 - q2 - z * se), min(1, q1 - q2 + z * se))
}
wald <- function(x1, n1, x2, n2, conf) {
  z <- zcrit(conf); p1 <- x1 / n1; p2 <- x2 / n2
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  c(max(-1, p1 - p2 - z * se), min(1, p1 - p2 + z * se))
}
jeffreys <- function(x, n, conf) {
  a <- (1 - conf) / 2
  c(if (x == 0) 0 else qbeta(a, x + 0.5, n - x + 0.5), if (x == n) 1 else qbeta(1 - a, x + 0.5, n - x + 0.5))
}
# Katz log interval for the relative risk; Haldane-Anscombe 0.5 when a group has no events.
katz <- function(x1, n1, x2, n2, conf) {
  if (x1 == 0 || x2 == 0) { x1 <- x1 + 0.5; x2 <- x2 + 0.5; n1 <- n1 + 1; n2 <- n2 + 1 }
  l <- log(x1 / n1) - log(x2 / n2); se <- sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2); z <- zcrit(conf)
  c(exp(l), exp(l - z * se), exp(l + z * se))
}
# Woolf logit interval for the odds ratio; Haldane 0.5 when a cell is zero.
woolf <- function(x1, n1, x2, n2, conf) {
  cells <- c(x1, n1 - x1, x2, n2 - x2)
  if (any(cells == 0)) cells <- cells + 0.5
  l <- log(cells[1]) - log(cells[2]) - log(cells[3]) + log(cells[4])
  se <- sqrt(sum(1 / cells)); z <- zcrit(conf)
  c(exp(l), exp(l - z * se), exp(l + z * se))
}
# Fisher's conditional distribution as fisher.test sets it up (groups as columns).
fisher_setup <- function(x1, n1, x2, n2) {
  m <- n1; n <- n2; k <- x1 + x2
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  list(x = x1, lo = lo, hi = hi, support = support, logdc = dhyper(support, m, n, k, log = TRUE))
}
dnhyper <- function(f, lpsi) { d <- f$logdc + lpsi * f$support; d <- exp(d - max(d)); d / sum(d) }
# Lancaster's mid-p: the p-value minus half the mass of the tables as likely as the observed.
fisher_midp <- function(f, alternative) {
  d <- dnhyper(f, 0); i <- f$x - f$lo + 1
  if (alternative == "less") return(sum(d[f$support <= f$x]) - d[i] / 2)
  if (alternative == "greater") return(sum(d[f$support >= f$x]) - d[i] / 2)
  relErr <- 1 + 1e-7
  keep <- d <= d[i] * relErr; tie <- keep & d >= d[i] / relErr
  sum(d[keep]) - sum(d[tie]) / 2
}
# fisher.test's MLE and interval, but solved on log(psi) by bisection to full precision
# (R's own use uniroot with tol = .Machine$double.eps^0.25, good to about 1e-4).
solve_increasing <- function(f) {
  lo <- -1; hi <- 1
  while (f(lo) > 0 && lo > -1e4) lo <- lo * 2
  while (f(hi) < 0 && hi < 1e4) hi <- hi * 2
  bisect(f, lo, hi)
}
fisher_precise <- function(f, alternative, conf) {
  mean_at <- function(l) sum(f$support * dnhyper(f, l))
  lower_tail <- function(l) sum(dnhyper(f, l)[f$support <= f$x])
  upper_tail <- function(l) sum(dnhyper(f, l)[f$support >= f$x])
  mle <- if (f$x == f$lo) 0 else if (f$x == f$hi) Inf else exp(solve_increasing(function(l) mean_at(l) - f$x))
  ncpU <- function(a) if (f$x == f$hi) Inf else exp(solve_increasing(function(l) a - lower_tail(l)))
  ncpL <- function(a) if (f$x == f$lo) 0 else exp(solve_increasing(function(l) upper_tail(l) - a))
  ci <- switch(alternative, less = c(0, ncpU(1 - conf)), greater = c(ncpL(1 - conf), Inf),
               two.sided = c(ncpL((1 - conf) / 2), ncpU((1 - conf) / 2)))
  c(mle, ci)
}

# ---- published vectors (domain.md §4): stop if the hand-written methods miss them ----
near <- function(a, b, digits) stopifnot(all(abs(round(a, digits) - b) < 1e-12))
near(newcombe(56, 70, 48, 80, 0.95), c(0.0524, 0.3339), 4)
near(mn(56, 70, 48, 80, 0.95), c(0.0528, 0.3382), 4)
near(newcombe(9, 10, 3, 10, 0.95), c(0.1705, 0.8090), 4)
near(newcombe(5, 56, 0, 29, 0.95), c(-0.0381, 0.1926), 4)
near(mn(5, 56, 0, 29, 0.95), c(-0.0326, 0.1933), 4)
near(mn(7, 34, 1, 34, 0.95), c(0.0270416, 0.3452912), 7)
near(fisher.test(matrix(c(0, 16, 15, 57), 2))$p.value, 0.06287, 5)
near(fisher_midp(fisher_setup(0, 16, 15, 72), "two.sided"), 0.04466, 5)

# ---- two-proportion tables -------------------------------------------------------------
tables <- list(
  # domain.md §4 and the evaluator's typical sizes
  c(15, 56, 73, 560), c(19, 56, 95, 560), c(56, 70, 48, 80), c(9, 10, 3, 10), c(5, 56, 0, 29),
  c(7, 34, 1, 34), c(0, 16, 15, 72), c(25, 56, 168, 560), c(12, 56, 100, 560), c(8, 56, 95, 560),
  c(30, 56, 100, 560), c(40, 56, 300, 560), c(6, 56, 112, 560), c(33, 56, 168, 560), c(28, 56, 28, 560),
  c(15, 56, 850, 5000), c(20, 56, 900, 5000), c(10, 56, 1000, 5000), c(3, 56, 1200, 5000), c(9, 56, 56, 5000),
  c(17, 56, 17, 56), c(14, 56, 9, 56), c(25, 56, 12, 56),
  # zero cells, all-success groups, n = 1
  c(0, 10, 0, 20), c(10, 10, 20, 20), c(0, 56, 0, 560), c(56, 56, 560, 560), c(56, 56, 0, 560), c(0, 56, 560, 560),
  c(1, 56, 0, 560), c(0, 56, 1, 560), c(55, 56, 559, 560), c(56, 56, 559, 560), c(0, 5, 5, 5), c(5, 5, 0, 5),
  c(0, 1, 0, 1), c(1, 1, 0, 1), c(0, 1, 1, 1), c(1, 1, 1, 1), c(1, 1, 3, 7), c(0, 1, 40, 560),
  # small and awkward
  c(1, 2, 1, 2), c(0, 2, 2, 2), c(2, 3, 1, 4), c(3, 8, 1, 9), c(4, 20, 40, 100), c(50, 100, 30, 100),
  c(1, 56, 1, 5000), c(0, 56, 0, 5000),
  # a million controls
  c(15, 56, 73000, 1000000)
)
confs <- c(0.95, 0.95, 0.95, 0.95, 0.9, 0.99)

case_json <- function(t, conf) {
  x1 <- t[1]; n1 <- t[2]; x2 <- t[3]; n2 <- t[4]
  mat <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2)
  f <- fisher_setup(x1, n1, x2, n2)
  alts <- c("two.sided", "greater", "less")
  z <- function(correct) paste0("{", paste(sapply(alts, function(a) {
    r <- prop.test(c(x1, x2), c(n1, n2), alternative = a, correct = correct)
    sprintf('"%s": %s', sub("two.sided", "two-sided", a),
            obj(x_squared = num(unname(r$statistic)), p = num(r$p.value)))
  }), collapse = ", "), "}")
  fisher <- paste0("{", paste(sapply(alts, function(a) {
    r <- fisher.test(mat, alternative = a, conf.level = conf)
    pr <- fisher_precise(f, a, conf)
    sprintf('"%s": %s', sub("two.sided", "two-sided", a),
            obj(p = num(r$p.value), p_mid = num(fisher_midp(f, a)),
                r_odds_ratio = num(unname(r$estimate)), r_ci = vec(r$conf.int[1:2]),
                odds_ratio = num(pr[1]), ci = vec(pr[2:3])))
  }), collapse = ", "), "}")
  cp1 <- binom.test(x1, n1, conf.level = conf)$conf.int[1:2]
  cp2 <- binom.test(x2, n2, conf.level = conf)$conf.int[1:2]
  rr <- katz(x1, n1, x2, n2, conf); or <- woolf(x1, n1, x2, n2, conf)
  obj(
    x1 = num(x1), n1 = num(n1), x2 = num(x2), n2 = num(n2), confidence = num(conf),
    wilson = vec(c(wilson(x1, n1, conf), wilson(x2, n2, conf))),
    clopper_pearson = vec(c(cp1, cp2)),
    jeffreys = vec(c(jeffreys(x1, n1, conf), jeffreys(x2, n2, conf))),
    newcombe = vec(newcombe(x1, n1, x2, n2, conf)),
    miettinen_nurminen = vec(mn(x1, n1, x2, n2, conf)),
    agresti_caffo = vec(agresti_caffo(x1, n1, x2, n2, conf)),
    wald = vec(wald(x1, n1, x2, n2, conf)),
    z = z(FALSE), z_corrected = z(TRUE), fisher = fisher,
    relative_risk = obj(estimate = num(rr[1]), ci = vec(rr[2:3])),
    odds_ratio = obj(estimate = num(or[1]), ci = vec(or[2:3]))
  )
}
cases <- mapply(case_json, tables, rep_len(confs, length(tables)))

# ---- continuous outcomes: t.test (Welch) and wilcox.test -------------------------------
set.seed(20240611)
samples <- list(
  list(name = "small, no ties (exact)", x = round(rnorm(8, 30, 6), 3), y = round(rnorm(10, 26, 8), 3)),
  list(name = "n = 3 vs 4, no ties (exact)", x = c(1.5, 7.25, 3.0), y = c(2.0, 0.5, 4.75, 1.0)),
  list(name = "49 vs 49, no ties (exact at the limit)", x = round(rnorm(49, 20, 5), 4), y = round(rnorm(49, 18, 5), 4)),
  list(name = "49 vs 50 (normal approximation)", x = round(rnorm(49, 20, 5), 4), y = round(rnorm(50, 18, 5), 4)),
  list(name = "small with ties (normal, tie-corrected)", x = c(10, 12, 12, 15, 20, 20, 20), y = c(8, 10, 12, 12, 14, 16)),
  list(name = "paid hours, 25 vs 160 employed", x = sample(c(37, 30, 25, 20, 15, 10), 25, TRUE), y = sample(c(37, 37, 30, 25, 20, 15, 10, 8), 160, TRUE)),
  list(name = "wage income, 30 vs 300 (lognormal)", x = round(exp(rnorm(30, 10, 0.5))), y = round(exp(rnorm(300, 9.9, 0.6)))),
  list(name = "one group all tied", x = c(5, 5, 5, 5), y = c(1, 2, 3, 4, 6))
)
continuous_json <- function(s) {
  alts <- c("two.sided", "greater", "less")
  one <- function(a) {
    t95 <- t.test(s$x, s$y, alternative = a)
    t90 <- t.test(s$x, s$y, alternative = a, conf.level = 0.9)
    w <- wilcox.test(s$x, s$y, alternative = a)
    wn <- wilcox.test(s$x, s$y, alternative = a, correct = FALSE, exact = FALSE)
    sprintf('"%s": %s', sub("two.sided", "two-sided", a), obj(
      welch = obj(statistic = num(unname(t95$statistic)), df = num(unname(t95$parameter)), p = num(t95$p.value),
                  estimate = num(unname(t95$estimate[1] - t95$estimate[2])), ci = vec(t95$conf.int[1:2]), ci90 = vec(t90$conf.int[1:2])),
      wilcoxon = obj(statistic = num(unname(w$statistic)), p = num(w$p.value),
                     exact = if (grepl("continuity", w$method) || any(duplicated(c(s$x, s$y)))) "false" else "true"),
      wilcoxon_uncorrected = obj(statistic = num(unname(wn$statistic)), p = num(wn$p.value))))
  }
  obj(name = str(s$name), x = vec(s$x), y = vec(s$y), results = paste0("{", paste(sapply(alts, one), collapse = ", "), "}"))
}
continuous <- vapply(samples, continuous_json, "")

# ---- power and minimum detectable effect ------------------------------------------------
power_cases <- character(0)
for (p in list(c(0.4, 0.2), c(0.17, 0.35), c(0.3, 0.5), c(0.25, 0.26), c(0.05, 0.01))) for (n in c(20, 56, 300)) {
  power_cases <- c(power_cases, obj(
    p1 = num(p[1]), p2 = num(p[2]), n = num(n), alpha = num(0.05),
    power = num(power.prop.test(n = n, p1 = p[1], p2 = p[2])$power),
    power_strict = num(power.prop.test(n = n, p1 = p[1], p2 = p[2], strict = TRUE)$power),
    power_one_sided = num(power.prop.test(n = n, p1 = p[1], p2 = p[2], alternative = "one.sided")$power),
    # R solves p2 > p1 for the target power; tol tightened from its default eps^0.25.
    mde_p = num(power.prop.test(n = n, p1 = p[2], power = 0.8, tol = 1e-14)$p2)))
}
pwr_cases <- character(0)
if (requireNamespace("pwr", quietly = TRUE)) {
  for (p in list(c(0.4, 0.2), c(0.17, 0.36), c(0.3, 0.2), c(0.05, 0.01))) for (n in list(c(56, 560), c(56, 56), c(56, 5000), c(20, 37))) {
    h <- pwr::ES.h(p[1], p[2])
    pw <- function(alt) pwr::pwr.2p2n.test(h = h, n1 = n[1], n2 = n[2], sig.level = 0.05, alternative = alt)$power
    # MDE: pwr solves h with uniroot's default tolerance; re-solve its own power function precisely.
    target <- function(q) pwr::pwr.2p2n.test(h = pwr::ES.h(q, p[2]), n1 = n[1], n2 = n[2], sig.level = 0.05)$power - 0.8
    mde_p <- uniroot(target, c(p[2], 1), tol = 1e-14)$root
    pwr_cases <- c(pwr_cases, obj(p1 = num(p[1]), p2 = num(p[2]), n1 = num(n[1]), n2 = num(n[2]), h = num(h),
                                  power = num(pw("two.sided")), power_greater = num(pw("greater")), power_less = num(pw("less")),
                                  mde_p = num(mde_p)))
  }
}

# ---- weighted shares: sandwich::vcovHC on weighted lm ------------------------------------
weighted <- character(0)
if (requireNamespace("sandwich", quietly = TRUE)) {
  set.seed(20240612)
  wsets <- list(
    list(name = "1:k matched controls", y1 = rbinom(56, 1, 0.35), y2 = rbinom(300, 1, 0.2), w2 = sample(c(1, 1/2, 1/3, 1/4, 1/5), 300, TRUE)),
    list(name = "CEM weights", y1 = rbinom(40, 1, 0.5), y2 = rbinom(120, 1, 0.3), w2 = round(runif(120, 0.2, 3), 3)),
    list(name = "unit weights", y1 = rbinom(20, 1, 0.4), y2 = rbinom(25, 1, 0.3), w2 = rep(1, 25))
  )
  for (s in wsets) {
    y <- c(s$y1, s$y2); g <- c(rep(1, length(s$y1)), rep(0, length(s$y2))); w <- c(rep(1, length(s$y1)), s$w2)
    fit <- lm(y ~ g, weights = w); fit2 <- lm(s$y2 ~ 1, weights = s$w2)
    se <- function(f, type, k) unname(sqrt(diag(sandwich::vcovHC(f, type = type)))[k])
    # Wilson at the Kish effective sample size, written out.
    neff <- sum(s$w2)^2 / sum(s$w2^2); p2 <- weighted.mean(s$y2, s$w2); z <- qnorm(0.975); z22n <- z^2 / (2 * neff)
    half <- z * sqrt(p2 * (1 - p2) / neff + z22n / (2 * neff))
    wil <- c((p2 + z22n - half) / (1 + 2 * z22n), (p2 + z22n + half) / (1 + 2 * z22n))
    weighted <- c(weighted, obj(name = str(s$name), y1 = vec(s$y1), y2 = vec(s$y2), w2 = vec(s$w2),
      share = obj(estimate = num(unname(coef(fit2)[1])), se_hc0 = num(se(fit2, "HC0", 1)), se_hc1 = num(se(fit2, "HC1", 1)), n_eff = num(neff), ci = vec(wil)),
      difference = obj(estimate = num(unname(coef(fit)[2])), se_hc0 = num(se(fit, "HC0", 2)), se_hc1 = num(se(fit, "HC1", 2)))))
  }
}

# ---- Holm ---------------------------------------------------------------------------------
holm_inputs <- list(c(0.01, 0.04, 0.03, 0.005), c(0.2, 0.2, 0.01, 0.5, 0.049), c(0.5), c(0.001, NA, 0.02), c(0.9, 0.8, 0.95))
holm <- vapply(holm_inputs, function(p) obj(p = vec(p), adjusted = vec(p.adjust(p, "holm"))), "")

# ---- distribution functions ------------------------------------------------------------
zs <- c(-37, -30, -20, -12, -8, -5, -3, -1.959963984540054, -1, -1e-8, 0, 0.5, 1, 2, 3, 5, 8)
ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999, 1 - 1e-10)
normal <- c(obj(z = vec(zs), pnorm = vec(pnorm(zs)), pnorm_upper = vec(pnorm(zs, lower.tail = FALSE))),
            obj(p = vec(ps), qnorm = vec(qnorm(ps))))

sections <- c(sprintf('"r_version": %s', str(R.version.string)), sprintf('"tables": %s', arr(cases)),
              sprintf('"normal": %s', arr(normal)),
              sprintf('"continuous": %s', arr(continuous)), sprintf('"power_prop_test": %s', arr(power_cases)),
              sprintf('"pwr_2p2n": %s', arr(pwr_cases)), sprintf('"weighted": %s', arr(weighted)), sprintf('"holm": %s', arr(holm)))

writeLines(paste0("{\n", paste(sections, collapse = ",\n"), "\n}"), "test/reference/stats.json")
cat(sprintf("wrote test/reference/stats.json: %d tables\n", length(tables)))
