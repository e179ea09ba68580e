"""Build src/ipcoop/parties/data/*.csv from the facts below (WTO membership, UN LDC list, groups).

French and Spanish country names come from babel's CLDR territory names, overridden where WTO
usage differs. Run: python scripts/build_parties.py  (the CSVs it writes are committed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src" / "ipcoop" / "parties" / "data"

# WTO Members (ISO3 -> WTO English name where it differs from ISO's common name; "" keeps ISO's)
WTO_MEMBERS = {
    "AFG": "Afghanistan", "ALB": "Albania", "AGO": "Angola", "ATG": "Antigua and Barbuda",
    "ARG": "Argentina", "ARM": "Armenia", "AUS": "Australia", "AUT": "Austria",
    "BHR": "Kingdom of Bahrain", "BGD": "Bangladesh", "BRB": "Barbados", "BEL": "Belgium",
    "BLZ": "Belize", "BEN": "Benin", "BOL": "Plurinational State of Bolivia", "BWA": "Botswana",
    "BRA": "Brazil", "BRN": "Brunei Darussalam", "BGR": "Bulgaria", "BFA": "Burkina Faso",
    "BDI": "Burundi", "CPV": "Cabo Verde", "KHM": "Cambodia", "CMR": "Cameroon", "CAN": "Canada",
    "CAF": "Central African Republic", "TCD": "Chad", "CHL": "Chile", "CHN": "China",
    "COL": "Colombia", "COM": "Comoros", "COG": "Congo", "CRI": "Costa Rica",
    "CIV": "Côte d'Ivoire", "HRV": "Croatia", "CUB": "Cuba", "CYP": "Cyprus",
    "CZE": "Czech Republic", "COD": "Democratic Republic of the Congo", "DNK": "Denmark",
    "DJI": "Djibouti", "DMA": "Dominica", "DOM": "Dominican Republic", "ECU": "Ecuador",
    "EGY": "Egypt", "SLV": "El Salvador", "EST": "Estonia", "SWZ": "Eswatini", "FJI": "Fiji",
    "FIN": "Finland", "FRA": "France", "GAB": "Gabon", "GMB": "The Gambia", "GEO": "Georgia",
    "DEU": "Germany", "GHA": "Ghana", "GRC": "Greece", "GRD": "Grenada", "GTM": "Guatemala",
    "GIN": "Guinea", "GNB": "Guinea-Bissau", "GUY": "Guyana", "HTI": "Haiti", "HND": "Honduras",
    "HKG": "Hong Kong, China", "HUN": "Hungary", "ISL": "Iceland", "IND": "India",
    "IDN": "Indonesia", "IRL": "Ireland", "ISR": "Israel", "ITA": "Italy", "JAM": "Jamaica",
    "JPN": "Japan", "JOR": "Jordan", "KAZ": "Kazakhstan", "KEN": "Kenya",
    "KOR": "Republic of Korea", "KWT": "Kuwait, the State of", "KGZ": "Kyrgyz Republic",
    "LAO": "Lao People's Democratic Republic", "LVA": "Latvia", "LSO": "Lesotho",
    "LBR": "Liberia", "LIE": "Liechtenstein", "LTU": "Lithuania", "LUX": "Luxembourg",
    "MAC": "Macao, China", "MDG": "Madagascar", "MWI": "Malawi", "MYS": "Malaysia",
    "MDV": "Maldives", "MLI": "Mali", "MLT": "Malta", "MRT": "Mauritania", "MUS": "Mauritius",
    "MEX": "Mexico", "MDA": "Republic of Moldova", "MNG": "Mongolia", "MNE": "Montenegro",
    "MAR": "Morocco", "MOZ": "Mozambique", "MMR": "Myanmar", "NAM": "Namibia", "NPL": "Nepal",
    "NLD": "Netherlands", "NZL": "New Zealand", "NIC": "Nicaragua", "NER": "Niger",
    "NGA": "Nigeria", "MKD": "North Macedonia", "NOR": "Norway", "OMN": "Oman",
    "PAK": "Pakistan", "PAN": "Panama", "PNG": "Papua New Guinea", "PRY": "Paraguay",
    "PER": "Peru", "PHL": "Philippines", "POL": "Poland", "PRT": "Portugal", "QAT": "Qatar",
    "ROU": "Romania", "RUS": "Russian Federation", "RWA": "Rwanda",
    "KNA": "Saint Kitts and Nevis", "LCA": "Saint Lucia",
    "VCT": "Saint Vincent and the Grenadines", "WSM": "Samoa",
    "SAU": "Kingdom of Saudi Arabia", "SEN": "Senegal", "SYC": "Seychelles",
    "SLE": "Sierra Leone", "SGP": "Singapore", "SVK": "Slovak Republic", "SVN": "Slovenia",
    "SLB": "Solomon Islands", "ZAF": "South Africa", "ESP": "Spain", "LKA": "Sri Lanka",
    "SUR": "Suriname", "SWE": "Sweden", "CHE": "Switzerland", "TWN": "Chinese Taipei",
    "TJK": "Tajikistan", "TZA": "Tanzania", "THA": "Thailand", "TLS": "Timor-Leste",
    "TGO": "Togo", "TON": "Tonga", "TTO": "Trinidad and Tobago", "TUN": "Tunisia",
    "TUR": "Türkiye", "UGA": "Uganda", "UKR": "Ukraine", "ARE": "United Arab Emirates",
    "GBR": "United Kingdom", "USA": "United States", "URY": "Uruguay", "VUT": "Vanuatu",
    "VEN": "Bolivarian Republic of Venezuela", "VNM": "Viet Nam", "YEM": "Yemen",
    "ZMB": "Zambia", "ZWE": "Zimbabwe",
}
WTO_OBSERVERS = {
    "DZA": "Algeria", "AZE": "Azerbaijan", "BHS": "Bahamas", "BLR": "Belarus", "BTN": "Bhutan",
    "BIH": "Bosnia and Herzegovina", "CUW": "Curaçao", "GNQ": "Equatorial Guinea",
    "ETH": "Ethiopia", "VAT": "Holy See", "IRN": "Iran", "IRQ": "Iraq", "LBN": "Lebanese Republic",
    "LBY": "Libya", "STP": "Sao Tome and Principe", "SRB": "Serbia", "SOM": "Somalia",
    "SSD": "South Sudan", "SDN": "Sudan", "SYR": "Syrian Arab Republic", "TKM": "Turkmenistan",
    "UZB": "Uzbekistan",
}
OTHER_NAMES = {
    "PRK": "Democratic People's Republic of Korea", "PSE": "Palestine", "XKX": "Kosovo",
    "COK": "Cook Islands", "NIU": "Niue", "FSM": "Micronesia (Federated States of)",
}
# WTO French / Spanish usage where CLDR's names differ
FR = {"HKG": "Hong Kong, Chine", "MAC": "Macao, Chine", "TWN": "Taipei chinois",
      "KOR": "République de Corée", "LAO": "République démocratique populaire lao",
      "BOL": "État plurinational de Bolivie", "VEN": "République bolivarienne du Venezuela",
      "KGZ": "République kirghize", "VNM": "Viet Nam", "TUR": "Türkiye",
      "MDA": "République de Moldova", "PRK": "République populaire démocratique de Corée",
      "EU": "Union européenne", "USA": "États-Unis", "CZE": "République tchèque",
      "SVK": "République slovaque", "SAU": "Royaume d'Arabie saoudite",
      "BHR": "Royaume de Bahreïn", "KWT": "État du Koweït", "TZA": "Tanzanie"}
ES = {"HKG": "Hong Kong, China", "MAC": "Macao, China", "TWN": "Taipei Chino",
      "KOR": "República de Corea", "LAO": "República Democrática Popular Lao",
      "BOL": "Estado Plurinacional de Bolivia", "VEN": "República Bolivariana de Venezuela",
      "KGZ": "República Kirguisa", "VNM": "Viet Nam", "TUR": "Türkiye",
      "MDA": "República de Moldova", "PRK": "República Popular Democrática de Corea",
      "EU": "Unión Europea", "USA": "Estados Unidos", "CZE": "República Checa",
      "SVK": "República Eslovaca", "SAU": "Reino de la Arabia Saudita",
      "BHR": "Reino de Bahrein", "KWT": "Estado de Kuwait", "TZA": "Tanzanía"}

# code, kind, English, French, Spanish, parent, website
ORGANIZATIONS = [
    ("WTO", "igo", "World Trade Organization", "Organisation mondiale du commerce", "Organización Mundial del Comercio", "", "https://www.wto.org"),
    ("WIPO", "igo", "World Intellectual Property Organization", "Organisation Mondiale de la Propriété Intellectuelle", "Organización Mundial de la Propiedad Intelectual", "", "https://www.wipo.int"),
    ("WCO", "igo", "World Customs Organization", "Organisation mondiale des douanes", "Organización Mundial de Aduanas", "", "https://www.wcoomd.org"),
    ("UPOV", "igo", "International Union for the Protection of New Varieties of Plants", "Union internationale pour la protection des obtentions végétales", "Unión Internacional para la Protección de las Obtenciones Vegetales", "", "https://www.upov.int"),
    ("WHO", "igo", "World Health Organization", "Organisation mondiale de la Santé", "Organización Mundial de la Salud", "", "https://www.who.int"),
    ("UNCTAD", "igo", "United Nations Conference on Trade and Development", "Conférence des Nations Unies sur le commerce et le développement", "Conferencia de las Naciones Unidas sobre Comercio y Desarrollo", "", "https://unctad.org"),
    ("INTERPOL", "igo", "International Criminal Police Organization", "Organisation internationale de police criminelle", "Organización Internacional de Policía Criminal", "", ""),
    ("EPO", "igo", "European Patent Office", "Office européen des brevets", "Oficina Europea de Patentes", "", "https://www.epo.org"),
    ("ARIPO", "igo", "African Regional Intellectual Property Organization", "Organisation régionale africaine de la propriété intellectuelle", "Organización Regional Africana de la Propiedad Intelectual", "", ""),
    ("OAPI", "igo", "African Intellectual Property Organization", "Organisation africaine de la propriété intellectuelle", "Organización Africana de la Propiedad Intelectual", "", ""),
    ("FAO", "igo", "Food and Agriculture Organization of the United Nations", "Organisation des Nations Unies pour l'alimentation et l'agriculture", "Organización de las Naciones Unidas para la Alimentación y la Agricultura", "", ""),
    ("WORLD-BANK", "igo", "World Bank", "Banque mondiale", "Banco Mundial", "", ""),
    ("ASEAN-SECRETARIAT", "igo", "ASEAN Secretariat", "Secrétariat de l'ASEAN", "Secretaría de la ASEAN", "", ""),
    ("APEC-SECRETARIAT", "igo", "APEC Secretariat", "Secrétariat de l'APEC", "Secretaría del APEC", "", ""),
    ("ICC", "other", "International Chamber of Commerce", "Chambre de commerce internationale", "Cámara de Comercio Internacional", "", ""),
    ("INTA", "other", "International Trademark Association", "", "", "", ""),
    ("AIPA", "other", "ASEAN Intellectual Property Association", "", "", "", ""),
    ("BASCAP", "other", "Business Action to Stop Counterfeiting and Piracy", "", "", "ICC", ""),
    ("APEC-IPEG", "forum", "APEC Intellectual Property Rights Experts' Group", "Groupe d'experts des droits de propriété intellectuelle de l'APEC", "Grupo de Expertos en Derechos de Propiedad Intelectual del APEC", "", ""),
    ("APEC-CTI", "forum", "APEC Committee on Trade and Investment", "", "", "", ""),
    ("APEC-SCCP", "forum", "APEC Sub-Committee on Customs Procedures", "", "", "", ""),
    ("ABAC", "forum", "APEC Business Advisory Council", "", "", "", ""),
    ("ASEAN-AWGIPC", "forum", "ASEAN Working Group on Intellectual Property Cooperation", "Groupe de travail de l'ASEAN sur la coopération en matière de propriété intellectuelle", "Grupo de Trabajo de la ASEAN sobre Cooperación en materia de Propiedad Intelectual", "", ""),
    ("ANIEE", "forum", "ASEAN Network of IP Enforcement Experts", "", "", "", ""),
    ("USPTO", "agency", "United States Patent and Trademark Office", "Office des brevets et des marques des États-Unis", "Oficina de Patentes y Marcas de los Estados Unidos", "USA", "https://www.uspto.gov"),
    ("GIPA", "agency", "Global Intellectual Property Academy", "", "", "USPTO", ""),
    ("USTR", "agency", "Office of the United States Trade Representative", "", "", "USA", ""),
    ("USAID", "agency", "United States Agency for International Development", "", "", "USA", ""),
    ("USCO", "agency", "United States Copyright Office", "", "", "USA", ""),
    ("USDA", "agency", "United States Department of Agriculture", "", "", "USA", ""),
    ("USDOC", "agency", "United States Department of Commerce", "", "", "USA", ""),
    ("CLDP", "agency", "Commercial Law Development Program", "", "", "USDOC", ""),
    ("US-ITA", "agency", "International Trade Administration", "", "", "USDOC", ""),
    ("DHS", "agency", "United States Department of Homeland Security", "", "", "USA", ""),
    ("CBP", "agency", "United States Customs and Border Protection", "", "", "DHS", ""),
    ("ICE", "agency", "United States Immigration and Customs Enforcement", "", "", "DHS", ""),
    ("DOJ", "agency", "United States Department of Justice", "", "", "USA", ""),
    ("CCIPS", "agency", "Computer Crime and Intellectual Property Section", "", "", "DOJ", ""),
    ("FBI", "agency", "Federal Bureau of Investigation", "", "", "DOJ", ""),
    ("OPDAT", "agency", "Office of Overseas Prosecutorial Development Assistance and Training", "", "", "DOJ", ""),
    ("DOS", "agency", "United States Department of State", "", "", "USA", ""),
    ("USTDA", "agency", "United States Trade and Development Agency", "", "", "USA", ""),
    ("KIPO", "agency", "Korean Intellectual Property Office", "Office coréen de la propriété intellectuelle", "Oficina Coreana de Propiedad Intelectual", "KOR", "https://www.kipo.go.kr"),
    ("KIPA", "agency", "Korea Invention Promotion Association", "", "", "KOR", ""),
    ("JPO", "agency", "Japan Patent Office", "Office japonais des brevets", "Oficina Japonesa de Patentes", "JPN", "https://www.jpo.go.jp"),
    ("EUIPO", "agency", "European Union Intellectual Property Office", "Office de l'Union européenne pour la propriété intellectuelle", "Oficina de Propiedad Intelectual de la Unión Europea", "EU", "https://euipo.europa.eu"),
    ("CIPO", "agency", "Canadian Intellectual Property Office", "Office de la propriété intellectuelle du Canada", "Oficina Canadiense de Propiedad Intelectual", "CAN", ""),
    ("IPI", "agency", "Swiss Federal Institute of Intellectual Property", "Institut Fédéral de la Propriété Intellectuelle", "Instituto Federal Suizo de la Propiedad Intelectual", "CHE", ""),
    ("SECO", "agency", "State Secretariat for Economic Affairs", "Secrétariat d'État à l'économie", "Secretaría de Estado de Economía", "CHE", ""),
    ("UKIPO", "agency", "UK Intellectual Property Office", "Office de la propriété intellectuelle du Royaume-Uni", "Oficina de Propiedad Intelectual del Reino Unido", "GBR", ""),
    ("IP-AUSTRALIA", "agency", "IP Australia", "", "", "AUS", ""),
    ("IPONZ", "agency", "Intellectual Property Office of New Zealand", "", "", "NZL", ""),
    ("CNIPA", "agency", "China National Intellectual Property Administration", "", "", "CHN", ""),
    ("INAPI", "agency", "National Institute of Industrial Property (Chile)", "", "Instituto Nacional de Propiedad Industrial", "CHL", ""),
    ("IMPI", "agency", "Mexican Institute of Industrial Property", "", "Instituto Mexicano de la Propiedad Industrial", "MEX", ""),
]
GROUPS = [
    ("LDC", "Least developed countries", "Pays les moins avancés", "Países menos adelantados"),
    ("ASEAN", "Association of Southeast Asian Nations", "Association des nations de l'Asie du Sud-Est", "Asociación de Naciones del Asia Sudoriental"),
    ("APEC", "Asia-Pacific Economic Cooperation", "Coopération économique pour l'Asie-Pacifique", "Foro de Cooperación Económica Asia-Pacífico"),
    ("MERCOSUR", "Southern Common Market (MERCOSUR)", "Marché commun du Sud (MERCOSUR)", "Mercado Común del Sur (MERCOSUR)"),
    ("EAC", "East African Community", "Communauté d'Afrique de l'Est", "Comunidad del África Oriental"),
    ("SADC", "Southern African Development Community", "Communauté de développement de l'Afrique australe", "Comunidad de África Meridional para el Desarrollo"),
    ("COMESA", "Common Market for Eastern and Southern Africa", "Marché commun de l'Afrique orientale et australe", "Mercado Común para África Oriental y Meridional"),
    ("ACP", "Organisation of African, Caribbean and Pacific States", "Organisation des États d'Afrique, des Caraïbes et du Pacifique", "Organización de Estados de África, el Caribe y el Pacífico"),
    ("AU", "African Union", "Union africaine", "Unión Africana"),
]

# UN LDC list: member -> (included, graduated); "" where before 1990 or not known precisely
LDC = {
    "AFG": ("", ""), "AGO": ("1994-12-21", ""), "BGD": ("1975-11-18", "2026-11-24"),
    "BEN": ("", ""), "BTN": ("", "2023-12-13"), "BWA": ("", "1994-12-20"), "BFA": ("", ""),
    "BDI": ("", ""), "CPV": ("1977-12-19", "2007-12-20"), "KHM": ("1991-12-20", ""),
    "CAF": ("1975-11-18", ""), "TCD": ("", ""), "COM": ("1977-12-19", ""),
    "COD": ("1991-12-20", ""), "DJI": ("1982-12-17", ""), "GNQ": ("1982-12-17", "2017-06-04"),
    "ERI": ("1994-12-21", ""), "ETH": ("", ""), "GMB": ("1975-11-18", ""), "GIN": ("", ""),
    "GNB": ("1981-12-17", ""), "HTI": ("", ""), "KIR": ("1986-12-05", ""),
    "LAO": ("", "2026-11-24"), "LSO": ("", ""), "LBR": ("1990-12-21", ""),
    "MDG": ("1991-12-20", ""), "MWI": ("", ""), "MDV": ("", "2011-01-01"), "MLI": ("", ""),
    "MRT": ("1986-12-05", ""), "MOZ": ("1988-12-20", ""), "MMR": ("1987-12-11", ""),
    "NPL": ("", "2026-11-24"), "NER": ("", ""), "RWA": ("", ""), "WSM": ("", "2014-01-01"),
    "STP": ("1982-12-17", "2024-12-13"), "SEN": ("2001-01-01", ""), "SLE": ("1982-12-17", ""),
    "SLB": ("1991-12-20", "2027-12-13"), "SOM": ("", ""), "SSD": ("2012-12-18", ""),
    "SDN": ("", ""), "TLS": ("2003-12-18", ""), "TGO": ("1982-12-17", ""),
    "TUV": ("1986-12-05", ""), "UGA": ("", ""), "TZA": ("", ""), "VUT": ("1985-12-18", "2020-12-04"),
    "YEM": ("", ""), "ZMB": ("1991-12-20", ""),
}
ASEAN = {"IDN": "1967-08-08", "MYS": "1967-08-08", "PHL": "1967-08-08", "SGP": "1967-08-08",
         "THA": "1967-08-08", "BRN": "1984-01-07", "VNM": "1995-07-28", "LAO": "1997-07-23",
         "MMR": "1997-07-23", "KHM": "1999-04-30", "TLS": "2025-10-26"}
APEC = {**dict.fromkeys(["AUS", "BRN", "CAN", "IDN", "JPN", "KOR", "MYS", "NZL", "PHL", "SGP",
                         "THA", "USA"], "1989-11-06"),
        **dict.fromkeys(["CHN", "HKG", "TWN"], "1991-11-12"),
        "MEX": "1993-11-17", "PNG": "1993-11-17", "CHL": "1994-11-11",
        **dict.fromkeys(["PER", "RUS", "VNM"], "1998-11-14")}
MERCOSUR = [("ARG", "1991-03-26", ""), ("BRA", "1991-03-26", ""), ("PRY", "1991-03-26", ""),
            ("URY", "1991-03-26", ""), ("VEN", "2012-07-31", "2016-12-01"), ("BOL", "2024-07-08", "")]
EAC = [("KEN", "2000-07-07"), ("TZA", "2000-07-07"), ("UGA", "2000-07-07"), ("BDI", "2007-07-01"),
       ("RWA", "2007-07-01"), ("SSD", "2016-04-15"), ("COD", "2022-07-11"), ("SOM", "2024-03-04")]
SADC = [*((c, "1992-08-17") for c in ["AGO", "BWA", "LSO", "MWI", "MOZ", "NAM", "SWZ", "TZA",
                                       "ZMB", "ZWE"]),
        ("ZAF", "1994-08-29"), ("MUS", "1995-08-28"), ("COD", "1997-09-08"),
        ("SYC", "2008-01-01"), ("MDG", "2005-08-18"), ("COM", "2017-08-19")]
COMESA = [*((c, "1994-12-08") for c in ["BDI", "COM", "COD", "DJI", "ERI", "ETH", "KEN", "MDG",
                                         "MWI", "MUS", "RWA", "SDN", "SWZ", "UGA", "ZMB", "ZWE"]),
          ("EGY", "1999-06-29"), ("SYC", "2001-01-01"), ("LBY", "2005-06-03"),
          ("TUN", "2018-07-18"), ("SOM", "2018-07-19")]
AFRICA = ["DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG",
          "COD", "CIV", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN",
          "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ",
          "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN",
          "TZA", "TGO", "TUN", "UGA", "ZMB", "ZWE"]
NORTH_AFRICA = {"DZA", "EGY", "LBY", "MAR", "TUN"}
ACP = [*(c for c in AFRICA if c not in NORTH_AFRICA),
       "ATG", "BHS", "BRB", "BLZ", "CUB", "DMA", "DOM", "GRD", "GUY", "HTI", "JAM", "KNA", "LCA",
       "VCT", "SUR", "TTO", "COK", "FJI", "KIR", "MHL", "FSM", "NRU", "NIU", "PLW", "PNG", "WSM",
       "SLB", "TLS", "TON", "TUV", "VUT"]
EU = [("BEL", "1958-01-01"), ("DEU", "1958-01-01"), ("FRA", "1958-01-01"), ("ITA", "1958-01-01"),
      ("LUX", "1958-01-01"), ("NLD", "1958-01-01"), ("DNK", "1973-01-01"), ("IRL", "1973-01-01"),
      ("GRC", "1981-01-01"), ("PRT", "1986-01-01"), ("ESP", "1986-01-01"), ("AUT", "1995-01-01"),
      ("FIN", "1995-01-01"), ("SWE", "1995-01-01"), ("CYP", "2004-05-01"), ("CZE", "2004-05-01"),
      ("EST", "2004-05-01"), ("HUN", "2004-05-01"), ("LVA", "2004-05-01"), ("LTU", "2004-05-01"),
      ("MLT", "2004-05-01"), ("POL", "2004-05-01"), ("SVK", "2004-05-01"), ("SVN", "2004-05-01"),
      ("BGR", "2007-01-01"), ("ROU", "2007-01-01"), ("HRV", "2013-07-01")]

ALIASES = [
    # countries: common spellings, WTO long forms, French and Spanish variants
    ("Lao PDR", "LAO", "en"), ("Laos", "LAO", "en"), ("Lao", "LAO", "en"), ("Vietnam", "VNM", "en"),
    ("Korea", "KOR", "en"), ("South Korea", "KOR", "en"), ("ROK", "KOR", "en"),
    ("Korea, Republic of", "KOR", "en"), ("Corée", "KOR", "fr"), ("Corea", "KOR", "es"),
    ("North Korea", "PRK", "en"), ("DPRK", "PRK", "en"), ("Korea, Democratic People's Republic of", "PRK", "en"),
    ("Turkey", "TUR", "en"), ("Turkiye", "TUR", "en"), ("Bolivia", "BOL", "en"), ("Venezuela", "VEN", "en"),
    ("Kyrgyzstan", "KGZ", "en"), ("Russia", "RUS", "en"), ("United States of America", "USA", "en"),
    ("USA", "USA", "en"), ("U.S.", "USA", "en"), ("US", "USA", "en"), ("U.S.A.", "USA", "en"),
    ("UK", "GBR", "en"), ("Great Britain", "GBR", "en"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR", "en"), ("Hong Kong", "HKG", "en"),
    ("Macao", "MAC", "en"), ("Macau", "MAC", "en"), ("Taiwan", "TWN", "en"),
    ("Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu", "TWN", "en"),
    ("Ivory Coast", "CIV", "en"), ("Cote d'Ivoire", "CIV", "en"), ("Czechia", "CZE", "en"),
    ("Swaziland", "SWZ", "en"), ("Macedonia", "MKD", "en"), ("Burma", "MMR", "en"),
    ("PRC", "CHN", "en"), ("People's Republic of China", "CHN", "en"), ("Brunei", "BRN", "en"),
    ("United Republic of Tanzania", "TZA", "en"), ("Iran", "IRN", "en"), ("Syria", "SYR", "en"),
    ("Moldova", "MDA", "en"), ("Micronesia", "FSM", "en"), ("PNG", "PNG", "en"),
    ("Cape Verde", "CPV", "en"), ("Gambia", "GMB", "en"), ("East Timor", "TLS", "en"),
    ("DRC", "COD", "en"), ("DR Congo", "COD", "en"), ("Congo, Democratic Republic of the", "COD", "en"),
    ("Republic of the Congo", "COG", "en"), ("Saudi Arabia", "SAU", "en"), ("Bahrain", "BHR", "en"),
    ("Kuwait", "KWT", "en"), ("Slovakia", "SVK", "en"), ("Lebanon", "LBN", "en"),
    ("São Tomé and Príncipe", "STP", "en"), ("Sao Tome & Principe", "STP", "en"),
    ("Vatican", "VAT", "en"), ("UAE", "ARE", "en"), ("Emirates", "ARE", "en"),
    ("Estados Unidos de América", "USA", "es"), ("États-Unis d'Amérique", "USA", "fr"),
    ("Bolivie", "BOL", "fr"), ("Viêt Nam", "VNM", "fr"), ("Laos", "LAO", "fr"),
    ("Turquie", "TUR", "fr"), ("Turquía", "TUR", "es"),
    # organizations and agencies
    ("WTO", "WTO", "en"), ("OMC", "WTO", "fr"), ("WIPO", "WIPO", "en"), ("OMPI", "WIPO", "fr"),
    ("World IP Organisation", "WIPO", "en"), ("World Intellectual Property Organisation", "WIPO", "en"),
    ("WCO", "WCO", "en"), ("OMD", "WCO", "fr"), ("World Customs Organisation", "WCO", "en"),
    ("UPOV", "UPOV", "en"), ("WHO", "WHO", "en"), ("OMS", "WHO", "fr"), ("UNCTAD", "UNCTAD", "en"),
    ("CNUCED", "UNCTAD", "fr"), ("INTERPOL", "INTERPOL", "en"), ("European Patent Office (EPO)", "EPO", "en"),
    ("ARIPO", "ARIPO", "en"), ("OAPI", "OAPI", "en"), ("ICC", "ICC", "en"), ("INTA", "INTA", "en"),
    ("ASEAN IP Association", "AIPA", "en"), ("AIPA", "AIPA", "en"), ("BASCAP", "BASCAP", "en"),
    ("IPEG", "APEC-IPEG", "en"), ("APEC IPEG", "APEC-IPEG", "en"),
    ("Intellectual Property Rights Experts' Group", "APEC-IPEG", "en"),
    ("Intellectual Property Rights Experts Group", "APEC-IPEG", "en"),
    ("Intellectual Property Expert Group", "APEC-IPEG", "en"),
    ("Intellectual Property Experts' Group", "APEC-IPEG", "en"),
    ("Committee on Trade and Investment", "APEC-CTI", "en"), ("CTI", "APEC-CTI", "en"),
    ("Sub-Committee on Customs Procedures", "APEC-SCCP", "en"), ("SCCP", "APEC-SCCP", "en"),
    ("ABAC", "ABAC", "en"), ("AWGIPC", "ASEAN-AWGIPC", "en"),
    ("ASEAN Working Group on IP Cooperation", "ASEAN-AWGIPC", "en"),
    ("ANIEE", "ANIEE", "en"), ("ASEAN Network of Intellectual Property Enforcement Experts", "ANIEE", "en"),
    ("USPTO", "USPTO", "en"), ("U.S. Patent and Trademark Office", "USPTO", "en"),
    ("GIPA", "GIPA", "en"), ("USTR", "USTR", "en"), ("Office of the U.S. Trade Representative", "USTR", "en"),
    ("USAID", "USAID", "en"), ("U.S. Agency for International Development", "USAID", "en"),
    ("USCO", "USCO", "en"), ("U.S. Copyright Office", "USCO", "en"), ("USDA", "USDA", "en"),
    ("U.S. Department of Agriculture", "USDA", "en"), ("DOC", "USDOC", "en"),
    ("U.S. Department of Commerce", "USDOC", "en"), ("CLDP", "CLDP", "en"), ("DHS", "DHS", "en"),
    ("U.S. Department of Homeland Security", "DHS", "en"), ("CBP", "CBP", "en"),
    ("Bureau of Customs and Border Protection", "CBP", "en"), ("ICE", "ICE", "en"),
    ("U.S. Immigration and Customs Enforcement", "ICE", "en"), ("DOJ", "DOJ", "en"),
    ("U.S. Department of Justice", "DOJ", "en"), ("CCIPS", "CCIPS", "en"), ("FBI", "FBI", "en"),
    ("OPDAT", "OPDAT", "en"), ("DOS", "DOS", "en"), ("U.S. Department of State", "DOS", "en"),
    ("USTDA", "USTDA", "en"), ("U.S. Trade and Development Agency", "USTDA", "en"),
    ("KIPO", "KIPO", "en"), ("Korean IP Office", "KIPO", "en"), ("Korea Intellectual Property Office", "KIPO", "en"),
    ("Korea Invention Promotion Association", "KIPA", "en"), ("JPO", "JPO", "en"),
    ("EUIPO", "EUIPO", "en"), ("European IP Office", "EUIPO", "en"), ("CIPO", "CIPO", "en"),
    ("IPI", "IPI", "en"), ("SECO", "SECO", "en"), ("UK IPO", "UKIPO", "en"), ("UKIPO", "UKIPO", "en"),
    ("Intellectual Property Office (UK)", "UKIPO", "en"), ("IPONZ", "IPONZ", "en"),
    ("IP Office of New Zealand", "IPONZ", "en"), ("SIPO", "CNIPA", "en"), ("CNIPA", "CNIPA", "en"),
    ("State IP Office of PRC", "CNIPA", "en"), ("State Intellectual Property Office of the People's Republic of China", "CNIPA", "en"),
    ("INAPI", "INAPI", "es"), ("IMPI", "IMPI", "es"), ("Mexican Institute for Industrial Property", "IMPI", "en"),
    ("APEC Secretariat", "APEC-SECRETARIAT", "en"),
    # groups
    ("LDC", "LDC", "en"), ("LDCs", "LDC", "en"), ("least developed country", "LDC", "en"),
    ("least-developed countries", "LDC", "en"), ("least developed country Members", "LDC", "en"),
    ("LDC Members", "LDC", "en"), ("PMA", "LDC", "fr"), ("pays les moins avancés (PMA)", "LDC", "fr"),
    ("PMA membres", "LDC", "fr"), ("PMD", "LDC", "es"), ("países menos adelantados (PMA)", "LDC", "es"),
    ("ASEAN Member States", "ASEAN", "en"), ("AMS", "ASEAN", "en"), ("AMSs", "ASEAN", "en"),
    ("ASEAN countries", "ASEAN", "en"), ("ASEAN", "ASEAN", "en"),
    ("Association of South East Asian Nations", "ASEAN", "en"), ("ANASE", "ASEAN", "fr"),
    ("APEC", "APEC", "en"), ("APEC economies", "APEC", "en"), ("APEC member economies", "APEC", "en"),
    ("APEC Member Economies", "APEC", "en"), ("MERCOSUR", "MERCOSUR", "en"), ("MERCOSUL", "MERCOSUR", "en"),
    ("Mercosur countries", "MERCOSUR", "en"), ("EAC", "EAC", "en"), ("SADC", "SADC", "en"),
    ("COMESA", "COMESA", "en"), ("ACP", "ACP", "en"), ("ACP countries", "ACP", "en"), ("OACPS", "ACP", "en"),
    ("AU", "AU", "en"), ("EU", "EU", "en"), ("European Communities", "EU", "en"), ("UE", "EU", "fr"),
    ("EU member States", "EU", "en"),
]


def _name(locale: Locale, iso2: str) -> str:
    return locale.territories.get(iso2, "")


def main() -> None:
    """Write parties.csv, aliases.csv and memberships.csv."""
    fr, es = Locale("fr"), Locale("es")
    rows: list[dict[str, str]] = []
    for code, status, table in [*((c, "member", WTO_MEMBERS) for c in WTO_MEMBERS),
                                *((c, "observer", WTO_OBSERVERS) for c in WTO_OBSERVERS)]:
        rows.append(_country(code, table[code], status, fr, es))
    rows.append({"code": "EU", "kind": "economy", "name_en": "European Union", "name_fr": FR["EU"],
                 "name_es": ES["EU"], "iso2": "", "iso3": "", "isonum": "", "wto_status": "member",
                 "parent": "", "website": ""})
    listed = {r["code"] for r in rows}
    for country in pycountry.countries:
        if country.alpha_3 not in listed:
            name = OTHER_NAMES.get(country.alpha_3) or getattr(country, "common_name", None) or country.name
            rows.append(_country(country.alpha_3, name, "", fr, es))
    rows.append({"code": "XKX", "kind": "economy", "name_en": "Kosovo", "name_fr": "Kosovo",
                 "name_es": "Kosovo", "iso2": "XK", "iso3": "", "isonum": "", "wto_status": "",
                 "parent": "", "website": ""})
    for code, kind, en, f, s, parent, site in ORGANIZATIONS:
        rows.append({"code": code, "kind": kind, "name_en": en, "name_fr": f, "name_es": s,
                     "iso2": "", "iso3": "", "isonum": "", "wto_status": "", "parent": parent,
                     "website": site})
    for code, en, f, s in GROUPS:
        rows.append({"code": code, "kind": "group", "name_en": en, "name_fr": f, "name_es": s,
                     "iso2": "", "iso3": "", "isonum": "", "wto_status": "", "parent": "",
                     "website": ""})
    _write("parties.csv", rows)
    _write("aliases.csv", [{"alias": a, "code": c, "lang": lang} for a, c, lang in ALIASES])
    members: list[dict[str, str]] = []
    members += [{"group": "LDC", "member": c, "start": s, "end": e} for c, (s, e) in LDC.items()]
    members += [{"group": "ASEAN", "member": c, "start": s, "end": ""} for c, s in ASEAN.items()]
    members += [{"group": "APEC", "member": c, "start": s, "end": ""} for c, s in APEC.items()]
    members += [{"group": "MERCOSUR", "member": c, "start": s, "end": e} for c, s, e in MERCOSUR]
    members += [{"group": "EAC", "member": c, "start": s, "end": ""} for c, s in EAC]
    members += [{"group": "SADC", "member": c, "start": s, "end": ""} for c, s in SADC]
    members += [{"group": "COMESA", "member": c, "start": s, "end": ""} for c, s in COMESA]
    members += [{"group": "ACP", "member": c, "start": "1975-06-06" if c != "SSD" else "2017-01-01",
                 "end": ""} for c in ACP]
    members += [{"group": "AU", "member": c,
                 "start": "2017-01-30" if c == "MAR" else ("2011-07-28" if c == "SSD" else "2002-07-09"),
                 "end": ""} for c in AFRICA]
    members += [{"group": "EU", "member": c, "start": s, "end": ""} for c, s in EU]
    members.append({"group": "EU", "member": "GBR", "start": "1973-01-01", "end": "2020-01-31"})
    _write("memberships.csv", members)


def _country(code: str, name: str, status: str, fr: Locale, es: Locale) -> dict[str, str]:
    country = pycountry.countries.get(alpha_3=code)
    iso2 = country.alpha_2 if country else ""
    return {"code": code, "kind": "economy", "name_en": name,
            "name_fr": FR.get(code) or _name(fr, iso2), "name_es": ES.get(code) or _name(es, iso2),
            "iso2": iso2, "iso3": code if country else "", "isonum": country.numeric if country else "",
            "wto_status": status, "parent": "", "website": ""}


def _write(name: str, rows: list[dict[str, str]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
