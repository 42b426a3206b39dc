# Reference values for test/plan/plan.test.ts: run `Rscript test/plan/plan.R > test/plan/plan.json`.
# Equal groups: R's power.prop.test (the normal approximation, strict = FALSE).
# Unequal groups: pwr::pwr.2p2n.test (Cohen's arcsine h) and, for the normal method, the
# Fleiss-Levin-Paik formula written out here independently of the TypeScript.
suppressPackageStartupMessages(library(pwr))

fleiss_power <- function(p1, p2, n1, n2, alpha) {
  pbar <- (n1 * p1 + n2 * p2) / (n1 + n2)
  s0 <- sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
  s1 <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  pnorm((abs(p1 - p2) - qnorm(1 - alpha / 2) * s0) / s1)
}
arcsine_power <- function(p1, p2, n1, n2, alpha) pwr.2p2n.test(h = ES.h(p1, p2), n1 = n1, n2 = n2, sig.level = alpha)$power

required <- function(f, target) {
  n <- 2
  while (f(n) < target) n <- n + 1
  n
}

out <- list()
add <- function(x) out[[length(out) + 1]] <<- x

for (case in list(c(0.17, 0.18), c(0.17, 0.10), c(0.30, 0.18), c(0.13, 0.14), c(0.25, 0.05))) {
  p2 <- case[1]; d <- case[2]
  for (alpha in c(0.05, 0.01)) for (power in c(0.8, 0.9)) {
    pp <- power.prop.test(p1 = p2 + d, p2 = p2, power = power, sig.level = alpha, tol = 1e-12)
    mde <- power.prop.test(n = 56, p1 = p2, power = power, sig.level = alpha, tol = 1e-12)$p2 - p2
    add(list(source = "power.prop.test", method = "normal", ratio = 1, p2 = p2, delta = d, alpha = alpha, power = power,
             required = ceiling(pp$n), n1 = 56, mde = mde))
  }
  for (ratio in c(1, 5, 10)) {
    alpha <- 0.05; power <- 0.8
    for (method in c("normal", "arcsine")) {
      f <- if (method == "normal") fleiss_power else arcsine_power
      g <- function(n) f(p2 + d, p2, n, round(ratio * n), alpha)
      mde <- uniroot(function(p1) f(p1, p2, 56, round(ratio * 56), alpha) - power, c(p2 + 1e-9, 1 - 1e-9), tol = 1e-13)$root - p2
      add(list(source = if (method == "normal") "fleiss formula (R)" else "pwr.2p2n.test", method = method, ratio = ratio, p2 = p2, delta = d,
               alpha = alpha, power = power, required = required(g, power), n1 = 56, mde = mde, power_at_56 = g(56)))
    }
  }
}
cat(jsonlite::toJSON(list(r_version = R.version.string, cases = out), auto_unbox = TRUE, digits = NA, pretty = TRUE))
