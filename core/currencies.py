"""The currencies Bearing knows: ISO 4217's three-letter codes, written down here because
Python's standard library has no list of them.

CURRENT is ISO 4217's list of currencies in circulation (2025), without its codes for funds,
precious metals, tests and "no currency" (BOV, CLF, XAU, XDR, XTS, XXX…): nobody is paid in
those. WITHDRAWN holds the national currencies replaced since 1999, the year the euro came:
a job from before may well have been paid in marks or francs, and its pay is kept as paid.
When ISO adds a currency, add its code to CURRENT; when one is replaced, move it to WITHDRAWN.
"""

CURRENT = (
    "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP "
    "GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES "
    "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU "
    "MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON "
    "RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND "
    "TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR "
    "ZMW ZWG"
).split()

WITHDRAWN = (
    # The euro's predecessors, then Croatia's kuna (2023).
    "ADP ATS BEF CYP DEM EEK ESP FIM FRF GRD IEP ITL LTL LUF LVL MTL NLG PTE SIT SKK HRK "
    # Currencies replaced by a new one of the same country.
    "AFA ANG AZM BGL BYR CSD CUC ECS GHC MGF MRO MZM ROL SDD SLL SRG STD TMM TRL VEB VEF YUM "
    "ZMK ZWD ZWL"
).split()

CODES = frozenset(CURRENT) | frozenset(WITHDRAWN)

# The currencies written with a "$": the dollars, and the pesos that use the sign too. A
# spreadsheet's "$45,000" is read in the account's currency only when it is one of these.
DOLLAR_SIGN = frozenset(
    (
        "USD CAD AUD NZD SGD HKD TWD BSD BBD BZD BMD BND FJD GYD JMD KYD LRD NAD SBD SRD TTD "
        "XCD MXN ARS CLP COP CUP DOP UYU"
    ).split()
)


def is_currency(code: str) -> bool:
    """Whether `code` is a currency Bearing knows, written as ISO writes it (capitals)."""
    return code in CODES
