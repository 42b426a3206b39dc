"""Independent reference values for test/economics (numpy/scipy, not the TypeScript code).

Run: python3 test/economics/generate_reference.py  → writes test/economics/reference-values.json
It reads data/reference/sib-catalogue.economics.json and recomputes the model from the
formulas in docs/economics.md with closed forms where they exist (discount factors as
explicit powers, not the TypeScript recursion), scipy's brentq for roots and IRRs, and
scipy.stats.norm for the analytic probabilities the Monte Carlo must approach.
"""
import json
import os
from scipy.optimize import brentq
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
P = json.load(open(os.path.join(ROOT, 'data', 'reference', 'sib-catalogue.economics.json')))


def df_closed(t, rates):
    """FM stepped schedule as a closed form: rate a for years 1..35, b for 36..70, c after."""
    a, b, c = rates
    n1 = min(t, 35)
    n2 = max(0, min(t, 70) - 35)
    n3 = max(0, t - 70)
    return (1 + a) ** -n1 * (1 + b) ** -n2 * (1 + c) ** -n3


FM2017 = (0.04, 0.03, 0.02)
FM2021 = (0.035, 0.025, 0.015)
YEARS = [0, 1, 2, 10, 35, 36, 40, 70, 71, 80, 100]


def model(p, e=None, d=None, s=None, H=None, gross=None, price=None):
    e = P['assumed_effect']['net_effect'] if e is None else e
    d = p['effect_path']['annual_decay'] if d is None else d
    s = p['ordinary_effort']['saving_share'] if s is None else s
    H = p['horizon_years'] if H is None else H
    k = p['effect_path']['constant_years']
    g = p['yearly_gain_per_additional_employed']
    gain = g['saved_transfer_income'] + g['extra_municipal_income_tax']
    W = sum((1.0 if t <= k else (1 - d) ** (t - k)) * df_closed(t, FM2017) for t in range(1, H + 1))
    effort = p['ordinary_effort']['cost_per_participant'] * s
    mcost = p['costs']['municipal_referral_cost_per_participant'] + p['costs']['municipal_follow_up_cost_per_participant']
    saving = e * W * gain + effort - mcost
    cost = p['costs']['provider_cost_per_participant']
    surplus = saving - cost
    prod = e * W * p['socio_economic']['production_value_per_employed_year']
    socio = p['socio_economic']['net_tax_factor'] * (prod + effort - cost - mcost) + 0.10 * surplus
    return dict(saving=saving, surplus=surplus, socio=socio, W=W, effort=effort, mcost=mcost, gain=gain)


def main():
    p = P
    eff = p['assumed_effect']
    gross = eff['gross_rate']
    control = gross - eff['net_effect']
    base = model(p)
    cost = p['costs']['provider_cost_per_participant']
    payment = cost + 0.5 * base['surplus']
    price = payment / gross
    # Table 4 rule: price * (1 - (g_k - g))
    subs = {sg['id']: price * (1 - (sg['gross_rate'] - gross)) for sg in eff['subgroups']}
    equal = {sg['id']: payment / sg['gross_rate'] for sg in eff['subgroups']}
    # break-evens, budget surplus = 0
    be_net = brentq(lambda e: model(p, e=e)['surplus'], 0, 1, xtol=1e-14)
    be_decay = brentq(lambda d: model(p, d=d)['surplus'], 0, 1, xtol=1e-14)
    be_effort = brentq(lambda s: model(p, s=s)['surplus'], 0, 1, xtol=1e-14)
    # municipality keeps zero under the fixed contract (paid price x gross, gross = control + e)
    be_net_m = brentq(lambda e: model(p, e=e)['saving'] - price * (control + e), 0, 1 - control, xtol=1e-14)
    be_decay_m = brentq(lambda d: model(p, d=d)['saving'] - payment, 0, 1, xtol=1e-14)
    be_effort_m = brentq(lambda s: model(p, s=s)['saving'] - payment, 0, 1, xtol=1e-14)
    be_gross = cost / price
    # years to break-even for the municipality in the deal (payment in year 0)
    k = p['effect_path']['constant_years']
    d = p['effect_path']['annual_decay']
    cum = base['effort'] - base['mcost'] - payment
    years = None
    for t in range(1, p['horizon_years'] + 1):
        flow = eff['net_effect'] * base['gain'] * (1.0 if t <= k else (1 - d) ** (t - k)) * df_closed(t, FM2017)
        if cum + flow >= 0:
            years = t - 1 + (-cum) / flow
            break
        cum += flow
    # IRR of a three-tranche schedule: outlay 1000 at 0, 400 at 1, 500 at 2, 300 at 3.5
    flows = [(0, -1000.0), (1, 400.0), (2, 500.0), (3.5, 300.0)]
    irr3 = brentq(lambda r: sum(a / (1 + r) ** t for t, a in flows), -0.99, 10, xtol=1e-15)
    # Monte Carlo targets: P(surplus < 0) = P(e < be_net) under the two-piece normal
    z = norm.ppf((1 + eff['confidence']) / 2)
    sd_lo = (eff['net_effect'] - eff['ci'][0]) / z
    p_deficit = norm.cdf((be_net - eff['net_effect']) / sd_lo)
    # investor loses when price * (control + e) < cost, i.e. e < be_gross - control
    p_investor = norm.cdf((be_gross - control - eff['net_effect']) / sd_lo)
    p_municipal = norm.cdf((be_net_m - eff['net_effect']) / sd_lo)
    out = {
        'generated_by': 'test/economics/generate_reference.py (scipy)',
        'discount_factors': {
            'years': YEARS,
            'fm2017': [df_closed(t, FM2017) for t in YEARS],
            'fm2021': [df_closed(t, FM2021) for t in YEARS],
            'custom_0.05': [1.05 ** -t for t in YEARS],
        },
        'catalogue_model': {
            'municipal_saving_per_participant': base['saving'],
            'surplus_per_participant': base['surplus'],
            'socio_economic_surplus_per_participant': base['socio'],
            'payment_per_participant': payment,
            'investor_share_amount': payment - cost,
            'payment_per_gross_employed': price,
            'investor_return': payment / cost - 1,
            'payment_per_gross_employed_catalogue_linear': subs,
            'payment_per_gross_employed_equal_payment': equal,
            'break_even_gross_employment_rate': be_gross,
            'break_even_net_effect': be_net,
            'break_even_annual_decay': be_decay,
            'break_even_effort_saving_share': be_effort,
            'break_even_net_effect_municipal_net': be_net_m,
            'break_even_annual_decay_municipal_net': be_decay_m,
            'break_even_effort_saving_share_municipal_net': be_effort_m,
            'years_to_municipal_break_even': years,
        },
        'irr_three_tranches': {'flows': [{'time': t, 'amount': a} for t, a in flows], 'irr': irr3},
        'monte_carlo_targets': {
            'sd_lower': sd_lo,
            'sd_upper': (eff['ci'][1] - eff['net_effect']) / z,
            'p_budget_deficit': p_deficit,
            'p_investor_loss': p_investor,
            'p_municipal_loss': p_municipal,
        },
    }
    with open(os.path.join(HERE, 'reference-values.json'), 'w') as f:
        json.dump(out, f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
