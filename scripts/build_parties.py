"""Build src/ipcoop/parties/data/*.csv from the facts written below.

English names follow WTO usage; French and Spanish names are WTO/UN usage where written here,
otherwise CLDR's territory names (through babel). CLDR and ISO 3166 (pycountry) spellings that
differ from the official three become aliases. Nothing is fetched: babel and pycountry ship their
tables. Run `python scripts/build_parties.py`; the CSV files it writes are committed and are what
the package reads. Sources and decisions: src/ipcoop/parties/data/README.md.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src" / "ipcoop" / "parties" / "data"
sys.path.insert(0, str(OUT.parents[2]))

from ipcoop.parties.resolver import normalize_name  # noqa: E402

# WTO Members (166 with the EU, which is added separately), by ISO alpha-3, in WTO spelling
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
    "DZA": "Algeria", "AND": "Andorra", "AZE": "Azerbaijan", "BHS": "Bahamas",
    "BLR": "Belarus", "BTN": "Bhutan", "BIH": "Bosnia and Herzegovina", "CUW": "Curaçao",
    "GNQ": "Equatorial Guinea", "ETH": "Ethiopia", "VAT": "Holy See", "IRN": "Iran",
    "IRQ": "Iraq", "LBN": "Lebanese Republic", "LBY": "Libya", "STP": "Sao Tome and Principe",
    "SRB": "Serbia", "SOM": "Somalia", "SSD": "South Sudan", "SDN": "Sudan",
    "SYR": "Syrian Arab Republic", "TKM": "Turkmenistan", "UZB": "Uzbekistan",
}
# English names for the rest where ISO's reads badly
OTHER_NAMES = {
    "PRK": "Democratic People's Republic of Korea", "PSE": "State of Palestine",
    "FSM": "Micronesia (Federated States of)", "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands", "ESH": "Western Sahara",
}
# French and Spanish names in WTO / UN usage where CLDR's differ (CLDR's then become aliases)
FR = {
    "HKG": "Hong Kong, Chine", "MAC": "Macao, Chine", "TWN": "Taipei chinois",
    "KOR": "République de Corée", "LAO": "République démocratique populaire lao",
    "BOL": "État plurinational de Bolivie", "VEN": "République bolivarienne du Venezuela",
    "KGZ": "République kirghize", "VNM": "Viet Nam", "TUR": "Türkiye",
    "MDA": "République de Moldova", "PRK": "République populaire démocratique de Corée",
    "EU": "Union européenne", "USA": "États-Unis", "CZE": "République tchèque",
    "SVK": "République slovaque", "SAU": "Royaume d'Arabie saoudite",
    "BHR": "Royaume de Bahreïn", "KWT": "État du Koweït", "TZA": "Tanzanie",
    "COG": "Congo", "COD": "République démocratique du Congo", "MMR": "Myanmar",
    "RUS": "Fédération de Russie", "SLV": "El Salvador", "TLS": "Timor-Leste",
    "CPV": "Cabo Verde", "BRN": "Brunéi Darussalam", "KNA": "Saint-Kitts-et-Nevis",
    "BLR": "Bélarus", "LBN": "République libanaise", "SYR": "République arabe syrienne",
    "VAT": "Saint-Siège", "PSE": "État de Palestine", "CIV": "Côte d'Ivoire",
    "FSM": "Micronésie (États fédérés de)", "STP": "Sao Tomé-et-Principe",
}
ES = {
    "HKG": "Hong Kong, China", "MAC": "Macao, China", "TWN": "Taipei Chino",
    "KOR": "República de Corea", "LAO": "República Democrática Popular Lao",
    "BOL": "Estado Plurinacional de Bolivia", "VEN": "República Bolivariana de Venezuela",
    "KGZ": "República Kirguisa", "VNM": "Viet Nam", "TUR": "Türkiye",
    "MDA": "República de Moldova", "PRK": "República Popular Democrática de Corea",
    "EU": "Unión Europea", "USA": "Estados Unidos", "CZE": "República Checa",
    "SVK": "República Eslovaca", "SAU": "Reino de la Arabia Saudita",
    "BHR": "Reino de Bahrein", "KWT": "Estado de Kuwait", "TZA": "Tanzanía",
    "COD": "República Democrática del Congo", "MMR": "Myanmar", "RUS": "Federación de Rusia",
    "BLR": "Belarús", "LBN": "República Libanesa", "SYR": "República Árabe Siria",
    "VAT": "Santa Sede", "PSE": "Estado de Palestina", "BGD": "Bangladesh",
    "BWA": "Botswana", "KEN": "Kenya", "MWI": "Malawi", "RWA": "Rwanda", "ZWE": "Zimbabwe",
    "DJI": "Djibouti", "FJI": "Fiji", "LSO": "Lesotho", "GNB": "Guinea-Bissau",
    "BRN": "Brunei Darussalam", "KAZ": "Kazajstán", "SUR": "Suriname", "QAT": "Qatar",
    "BEN": "Benin", "NZL": "Nueva Zelandia", "CIV": "Côte d'Ivoire",
    "FSM": "Micronesia (Estados Federados de)",
}

# code, category, parent, website, English, French, Spanish ("" where no name is known)
ORGANIZATIONS = [
    ("WTO", "igo", "", "https://www.wto.org", "World Trade Organization",
     "Organisation mondiale du commerce", "Organización Mundial del Comercio"),
    ("WIPO", "igo", "", "https://www.wipo.int", "World Intellectual Property Organization",
     "Organisation Mondiale de la Propriété Intellectuelle",
     "Organización Mundial de la Propiedad Intelectual"),
    ("WCO", "igo", "", "https://www.wcoomd.org", "World Customs Organization",
     "Organisation mondiale des douanes", "Organización Mundial de Aduanas"),
    ("UPOV", "igo", "", "https://www.upov.int",
     "International Union for the Protection of New Varieties of Plants",
     "Union internationale pour la protection des obtentions végétales",
     "Unión Internacional para la Protección de las Obtenciones Vegetales"),
    ("WHO", "igo", "", "https://www.who.int", "World Health Organization",
     "Organisation mondiale de la Santé", "Organización Mundial de la Salud"),
    ("UNCTAD", "igo", "", "https://unctad.org",
     "United Nations Conference on Trade and Development",
     "Conférence des Nations Unies sur le commerce et le développement",
     "Conferencia de las Naciones Unidas sobre Comercio y Desarrollo"),
    ("INTERPOL", "igo", "", "https://www.interpol.int",
     "International Criminal Police Organization",
     "Organisation internationale de police criminelle",
     "Organización Internacional de Policía Criminal"),
    ("EPO", "igo", "", "https://www.epo.org", "European Patent Office",
     "Office européen des brevets", "Oficina Europea de Patentes"),
    ("ARIPO", "igo", "", "https://www.aripo.org",
     "African Regional Intellectual Property Organization",
     "Organisation régionale africaine de la propriété intellectuelle",
     "Organización Regional Africana de la Propiedad Intelectual"),
    ("OAPI", "igo", "", "", "African Intellectual Property Organization",
     "Organisation africaine de la propriété intellectuelle",
     "Organización Africana de la Propiedad Intelectual"),
    ("FAO", "igo", "", "https://www.fao.org",
     "Food and Agriculture Organization of the United Nations",
     "Organisation des Nations Unies pour l'alimentation et l'agriculture",
     "Organización de las Naciones Unidas para la Alimentación y la Agricultura"),
    ("UNDP", "igo", "", "https://www.undp.org", "United Nations Development Programme",
     "Programme des Nations Unies pour le développement",
     "Programa de las Naciones Unidas para el Desarrollo"),
    ("UNIDO", "igo", "", "https://www.unido.org",
     "United Nations Industrial Development Organization",
     "Organisation des Nations Unies pour le développement industriel",
     "Organización de las Naciones Unidas para el Desarrollo Industrial"),
    ("OECD", "igo", "", "https://www.oecd.org",
     "Organisation for Economic Co-operation and Development",
     "Organisation de coopération et de développement économiques",
     "Organización para la Cooperación y el Desarrollo Económicos"),
    ("ITC", "igo", "", "https://www.intracen.org", "International Trade Centre",
     "Centre du commerce international", "Centro de Comercio Internacional"),
    ("WORLD-BANK", "igo", "", "https://www.worldbank.org", "World Bank", "Banque mondiale",
     "Banco Mundial"),
    ("ASEAN-SECRETARIAT", "igo", "", "https://asean.org", "ASEAN Secretariat",
     "Secrétariat de l'ASEAN", "Secretaría de la ASEAN"),
    ("APEC-SECRETARIAT", "igo", "", "https://www.apec.org", "APEC Secretariat",
     "Secrétariat de l'APEC", "Secretaría del APEC"),
    ("EAPO", "igo", "", "https://www.eapo.org", "Eurasian Patent Organization",
     "Organisation eurasienne des brevets", "Organización Euroasiática de Patentes"),
    ("GCCPO", "igo", "", "https://www.gccpo.org",
     "Patent Office of the Cooperation Council for the Arab States of the Gulf",
     "Office des brevets du Conseil de coopération des États arabes du Golfe",
     "Oficina de Patentes del Consejo de Cooperación de los Estados Árabes del Golfo"),
    ("UNESCO", "igo", "", "https://www.unesco.org",
     "United Nations Educational, Scientific and Cultural Organization",
     "Organisation des Nations Unies pour l'éducation, la science et la culture",
     "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura"),
    ("UNEP", "igo", "", "https://www.unep.org", "United Nations Environment Programme",
     "Programme des Nations Unies pour l'environnement",
     "Programa de las Naciones Unidas para el Medio Ambiente"),
    ("UNECE", "igo", "", "https://unece.org", "United Nations Economic Commission for Europe",
     "Commission économique des Nations Unies pour l'Europe",
     "Comisión Económica de las Naciones Unidas para Europa"),
    ("SCBD", "igo", "", "https://www.cbd.int",
     "Secretariat of the Convention on Biological Diversity",
     "Secrétariat de la Convention sur la diversité biologique",
     "Secretaría del Convenio sobre la Diversidad Biológica"),
    # a WTO body: its minutes and reports are the WTO's (parent)
    ("TRIPS-COUNCIL", "forum", "WTO", "",
     "Council for Trade-Related Aspects of Intellectual Property Rights",
     "Conseil des aspects des droits de propriété intellectuelle qui touchent au commerce",
     "Consejo de los Aspectos de los Derechos de Propiedad Intelectual relacionados con el "
     "Comercio"),
    # multi-donor initiative implemented by GIZ (since 2006; "for Africa" until 2015)
    ("ABS-INITIATIVE", "other", "", "https://www.abs-initiative.info",
     "ABS Capacity Development Initiative",
     "Initiative de Renforcement des Capacités pour l'Accès et le Partage des Avantages", ""),
    ("ICC", "other", "", "https://iccwbo.org", "International Chamber of Commerce",
     "Chambre de commerce internationale", "Cámara de Comercio Internacional"),
    ("INTA", "other", "", "https://www.inta.org", "International Trademark Association", "", ""),
    ("AIPA", "other", "", "", "ASEAN Intellectual Property Association", "", ""),
    ("BASCAP", "other", "ICC", "", "Business Action to Stop Counterfeiting and Piracy", "", ""),
    ("APEC-IPEG", "forum", "", "", "APEC Intellectual Property Rights Experts' Group",
     "Groupe d'experts des droits de propriété intellectuelle de l'APEC",
     "Grupo de Expertos en Derechos de Propiedad Intelectual del APEC"),
    ("APEC-CTI", "forum", "", "", "APEC Committee on Trade and Investment", "", ""),
    ("APEC-SCCP", "forum", "", "", "APEC Sub-Committee on Customs Procedures", "", ""),
    ("ABAC", "forum", "", "", "APEC Business Advisory Council", "", ""),
    ("ASEAN-AWGIPC", "forum", "", "",
     "ASEAN Working Group on Intellectual Property Cooperation",
     "Groupe de travail de l'ASEAN sur la coopération en matière de propriété intellectuelle",
     "Grupo de Trabajo de la ASEAN sobre Cooperación en materia de Propiedad Intelectual"),
    ("ANIEE", "forum", "", "", "ASEAN Network of IP Enforcement Experts", "", ""),
    ("USPTO", "agency", "USA", "https://www.uspto.gov",
     "United States Patent and Trademark Office",
     "Office des brevets et des marques des États-Unis",
     "Oficina de Patentes y Marcas de los Estados Unidos"),
    ("GIPA", "agency", "USPTO", "", "Global Intellectual Property Academy", "", ""),
    ("USTR", "agency", "USA", "https://ustr.gov",
     "Office of the United States Trade Representative", "", ""),
    ("USAID", "agency", "USA", "", "United States Agency for International Development", "", ""),
    ("USCO", "agency", "USA", "https://www.copyright.gov", "United States Copyright Office",
     "", ""),
    ("USDA", "agency", "USA", "", "United States Department of Agriculture", "", ""),
    ("USDOC", "agency", "USA", "", "United States Department of Commerce", "", ""),
    ("CLDP", "agency", "USDOC", "", "Commercial Law Development Program", "", ""),
    ("US-ITA", "agency", "USDOC", "", "International Trade Administration", "", ""),
    ("DHS", "agency", "USA", "", "United States Department of Homeland Security", "", ""),
    ("CBP", "agency", "DHS", "", "United States Customs and Border Protection", "", ""),
    ("ICE", "agency", "DHS", "", "United States Immigration and Customs Enforcement", "", ""),
    ("DOJ", "agency", "USA", "", "United States Department of Justice", "", ""),
    ("CCIPS", "agency", "DOJ", "", "Computer Crime and Intellectual Property Section", "", ""),
    ("FBI", "agency", "DOJ", "", "Federal Bureau of Investigation", "", ""),
    ("OPDAT", "agency", "DOJ", "",
     "Office of Overseas Prosecutorial Development Assistance and Training", "", ""),
    ("DOS", "agency", "USA", "", "United States Department of State", "", ""),
    ("USTDA", "agency", "USA", "", "United States Trade and Development Agency", "", ""),
    ("KIPO", "agency", "KOR", "https://www.kipo.go.kr", "Korean Intellectual Property Office",
     "Office coréen de la propriété intellectuelle", "Oficina Coreana de Propiedad Intelectual"),
    ("KIPA", "agency", "KOR", "", "Korea Invention Promotion Association", "", ""),
    ("KOICA", "agency", "KOR", "", "Korea International Cooperation Agency", "", ""),
    ("JPO", "agency", "JPN", "https://www.jpo.go.jp", "Japan Patent Office",
     "Office japonais des brevets", "Oficina Japonesa de Patentes"),
    ("JICA", "agency", "JPN", "", "Japan International Cooperation Agency", "", ""),
    ("EUIPO", "agency", "EU", "https://euipo.europa.eu",
     "European Union Intellectual Property Office",
     "Office de l'Union européenne pour la propriété intellectuelle",
     "Oficina de Propiedad Intelectual de la Unión Europea"),
    ("EU-COMMISSION", "agency", "EU", "", "European Commission", "Commission européenne",
     "Comisión Europea"),
    ("CIPO", "agency", "CAN", "", "Canadian Intellectual Property Office",
     "Office de la propriété intellectuelle du Canada",
     "Oficina Canadiense de Propiedad Intelectual"),
    ("IPI", "agency", "CHE", "", "Swiss Federal Institute of Intellectual Property",
     "Institut Fédéral de la Propriété Intellectuelle",
     "Instituto Federal Suizo de la Propiedad Intelectual"),
    ("SECO", "agency", "CHE", "", "State Secretariat for Economic Affairs",
     "Secrétariat d'État à l'économie", "Secretaría de Estado de Economía"),
    ("UKIPO", "agency", "GBR", "", "UK Intellectual Property Office",
     "Office de la propriété intellectuelle du Royaume-Uni",
     "Oficina de Propiedad Intelectual del Reino Unido"),
    ("IP-AUSTRALIA", "agency", "AUS", "", "IP Australia", "", ""),
    ("DFAT", "agency", "AUS", "", "Department of Foreign Affairs and Trade (Australia)", "", ""),
    ("IPONZ", "agency", "NZL", "", "Intellectual Property Office of New Zealand", "", ""),
    ("CNIPA", "agency", "CHN", "", "China National Intellectual Property Administration", "", ""),
    ("IPOS", "agency", "SGP", "", "Intellectual Property Office of Singapore", "", ""),
    ("IPOPHL", "agency", "PHL", "", "Intellectual Property Office of the Philippines", "", ""),
    ("MYIPO", "agency", "MYS", "", "Intellectual Property Corporation of Malaysia", "", ""),
    ("INDECOPI", "agency", "PER", "",
     "National Institute for the Defense of Competition and the Protection of Intellectual "
     "Property (Peru)", "",
     "Instituto Nacional de Defensa de la Competencia y de la Protección de la Propiedad "
     "Intelectual"),
    ("OEPM", "agency", "ESP", "", "Spanish Patent and Trademark Office",
     "Office espagnol des brevets et des marques", "Oficina Española de Patentes y Marcas"),
    ("DPMA", "agency", "DEU", "", "German Patent and Trade Mark Office", "", ""),
    ("INAPI", "agency", "CHL", "", "National Institute of Industrial Property (Chile)", "",
     "Instituto Nacional de Propiedad Industrial"),
    ("CPVO", "agency", "EU", "https://cpvo.europa.eu", "Community Plant Variety Office",
     "Office communautaire des variétés végétales", "Oficina Comunitaria de Variedades Vegetales"),
    ("GIZ", "agency", "DEU", "https://www.giz.de",
     "Deutsche Gesellschaft für Internationale Zusammenarbeit", "", ""),
    ("IMPI", "agency", "MEX", "", "Mexican Institute of Industrial Property", "",
     "Instituto Mexicano de la Propiedad Industrial"),
]
GROUPS = [
    ("LDC", "Least developed countries", "Pays les moins avancés", "Países menos adelantados"),
    ("ASEAN", "Association of Southeast Asian Nations",
     "Association des nations de l'Asie du Sud-Est",
     "Asociación de Naciones del Asia Sudoriental"),
    ("APEC", "Asia-Pacific Economic Cooperation", "Coopération économique pour l'Asie-Pacifique",
     "Foro de Cooperación Económica Asia-Pacífico"),
    ("MERCOSUR", "Southern Common Market (MERCOSUR)", "Marché commun du Sud (MERCOSUR)",
     "Mercado Común del Sur (MERCOSUR)"),
    ("EAC", "East African Community", "Communauté d'Afrique de l'Est",
     "Comunidad del África Oriental"),
    ("SADC", "Southern African Development Community",
     "Communauté de développement de l'Afrique australe",
     "Comunidad de África Meridional para el Desarrollo"),
    ("COMESA", "Common Market for Eastern and Southern Africa",
     "Marché commun de l'Afrique orientale et australe",
     "Mercado Común para África Oriental y Meridional"),
    ("ACP", "Organisation of African, Caribbean and Pacific States",
     "Organisation des États d'Afrique, des Caraïbes et du Pacifique",
     "Organización de Estados de África, el Caribe y el Pacífico"),
    ("AU", "African Union", "Union africaine", "Unión Africana"),
]

# UN LDC list: year of inclusion (1971 = the first list, GA resolution of 18 November 1971)
# and graduation date where there is one (future dates are scheduled graduations).
LDC_FIRST_LIST = ["AFG", "BEN", "BTN", "BWA", "BFA", "BDI", "TCD", "ETH", "GIN", "HTI", "LAO",
                  "LSO", "MWI", "MDV", "MLI", "NPL", "NER", "RWA", "WSM", "SOM", "SDN", "UGA",
                  "TZA", "YEM"]
LDC_LATER = {"BGD": 1975, "CAF": 1975, "GMB": 1975, "CPV": 1977, "COM": 1977, "GNB": 1981,
             "DJI": 1982, "GNQ": 1982, "STP": 1982, "SLE": 1982, "TGO": 1982, "VUT": 1985,
             "KIR": 1986, "MRT": 1986, "TUV": 1986, "MMR": 1987, "MOZ": 1988, "LBR": 1990,
             "KHM": 1991, "MDG": 1991, "SLB": 1991, "COD": 1991, "ZMB": 1991, "AGO": 1994,
             "ERI": 1994, "SEN": 2000, "TLS": 2003, "SSD": 2012}
LDC_GRADUATED = {"BWA": "1994-12-20", "CPV": "2007-12-20", "MDV": "2011-01-01",
                 "WSM": "2014-01-01", "GNQ": "2017-06-04", "VUT": "2020-12-04",
                 "BTN": "2023-12-13", "STP": "2024-12-13", "BGD": "2026-11-24",
                 "LAO": "2026-11-24", "NPL": "2026-11-24", "SLB": "2027-12-13"}
ASEAN = {"IDN": "1967-08-08", "MYS": "1967-08-08", "PHL": "1967-08-08", "SGP": "1967-08-08",
         "THA": "1967-08-08", "BRN": "1984-01-07", "VNM": "1995-07-28", "LAO": "1997-07-23",
         "MMR": "1997-07-23", "KHM": "1999-04-30", "TLS": "2025-10-26"}
# APEC: the date of the ministerial meeting at which the economy joined
APEC = {**dict.fromkeys(["AUS", "BRN", "CAN", "IDN", "JPN", "KOR", "MYS", "NZL", "PHL", "SGP",
                         "THA", "USA"], "1989-11-06"),
        **dict.fromkeys(["CHN", "HKG", "TWN"], "1991-11-12"),
        "MEX": "1993-11-17", "PNG": "1993-11-17", "CHL": "1994-11-11",
        **dict.fromkeys(["PER", "RUS", "VNM"], "1998-11-14")}
MERCOSUR = [("ARG", "1991-03-26", ""), ("BRA", "1991-03-26", ""), ("PRY", "1991-03-26", ""),
            ("URY", "1991-03-26", ""), ("VEN", "2012-07-31", "2016-12-01"),
            ("BOL", "2024-07-08", "")]
EAC = [("KEN", "2000-07-07", ""), ("TZA", "2000-07-07", ""), ("UGA", "2000-07-07", ""),
       ("BDI", "2007-07-01", ""), ("RWA", "2007-07-01", ""), ("SSD", "2016-09-05", ""),
       ("COD", "2022-07-11", ""), ("SOM", "2024-03-04", "")]
SADC = [*((c, "1992-08-17", "") for c in ["AGO", "BWA", "LSO", "MWI", "MOZ", "NAM", "SWZ",
                                           "TZA", "ZMB", "ZWE"]),
        ("ZAF", "1994-08-29", ""), ("MUS", "1995-08-28", ""), ("COD", "1997-09-08", ""),
        ("SYC", "1997-09-08", "2004-07-01"), ("SYC", "2008-01-01", ""),
        ("MDG", "2005-08-18", ""), ("COM", "2017-08-19", "")]
COMESA = [*((c, "1994-12-08", "") for c in ["BDI", "COM", "COD", "DJI", "ERI", "ETH", "KEN",
                                             "MDG", "MWI", "MUS", "RWA", "SDN", "SWZ", "UGA",
                                             "ZMB", "ZWE"]),
          ("EGY", "1999-06-29", ""), ("SYC", "2001-01-01", ""), ("LBY", "2005-06-03", ""),
          ("TUN", "2018-07-18", ""), ("SOM", "2018-07-19", ""),
          # former members (year of withdrawal only)
          ("LSO", "1994-12-08", "1997-01-01"), ("MOZ", "1994-12-08", "1997-01-01"),
          ("TZA", "1994-12-08", "2000-01-01"), ("NAM", "1994-12-08", "2004-01-01"),
          ("AGO", "1994-12-08", "2007-01-01")]
AFRICA = ["DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG",
          "COD", "CIV", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN",
          "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ",
          "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN",
          "TZA", "TGO", "TUN", "UGA", "ZMB", "ZWE"]
# AU: founded 2002-07-09 (OAU members carried over); South Sudan 2011, Morocco 2017; the
# Sahrawi Arab Democratic Republic sits under ISO's Western Sahara code
AU_START = {"MAR": "2017-01-30", "SSD": "2011-07-28"}
# ACP (OACPS, 79): sub-Saharan Africa less South Sudan, Caribbean, Pacific
ACP_AFRICA = [c for c in AFRICA if c not in {"DZA", "EGY", "LBY", "MAR", "TUN", "SSD"}]
ACP = [*ACP_AFRICA,
       "ATG", "BHS", "BRB", "BLZ", "CUB", "DMA", "DOM", "GRD", "GUY", "HTI", "JAM", "KNA", "LCA",
       "VCT", "SUR", "TTO", "COK", "FJI", "KIR", "MHL", "FSM", "NRU", "NIU", "PLW", "PNG", "WSM",
       "SLB", "TLS", "TON", "TUV", "VUT"]
ACP_START = {"CUB": "2000-01-01", "ZAF": "1998-01-01", "TLS": "2003-01-01"}
EU = [("BEL", "1958-01-01"), ("DEU", "1958-01-01"), ("FRA", "1958-01-01"), ("ITA", "1958-01-01"),
      ("LUX", "1958-01-01"), ("NLD", "1958-01-01"), ("DNK", "1973-01-01"), ("IRL", "1973-01-01"),
      ("GRC", "1981-01-01"), ("PRT", "1986-01-01"), ("ESP", "1986-01-01"), ("AUT", "1995-01-01"),
      ("FIN", "1995-01-01"), ("SWE", "1995-01-01"), ("CYP", "2004-05-01"), ("CZE", "2004-05-01"),
      ("EST", "2004-05-01"), ("HUN", "2004-05-01"), ("LVA", "2004-05-01"), ("LTU", "2004-05-01"),
      ("MLT", "2004-05-01"), ("POL", "2004-05-01"), ("SVK", "2004-05-01"), ("SVN", "2004-05-01"),
      ("BGR", "2007-01-01"), ("ROU", "2007-01-01"), ("HRV", "2013-07-01")]

# Extra spellings, one (code, lang) per line of names separated by "|".
ALIASES: list[tuple[str, str, str]] = [
    # economies, English
    ("LAO", "en", "Lao PDR|Lao P.D.R.|Laos|Lao"),
    ("VNM", "en", "Vietnam|Socialist Republic of Viet Nam|Socialist Republic of Vietnam"),
    # "Korea" alone: WTO and APEC documents mean the Republic of Korea (see README)
    ("KOR", "en", "Korea|South Korea|ROK|R.O.K.|Korea, Republic of|Korea (Republic of)|"
                  "Korea, Rep."),
    ("PRK", "en", "North Korea|DPRK|DPR Korea|Korea, DPR|Korea DPR|"
                  "Korea, Democratic People's Republic of|Korea, Dem. People's Rep."),
    ("TUR", "en", "Turkey|Turkiye|Republic of Türkiye|Republic of Turkey"),
    ("BOL", "en", "Bolivia|Bolivia, Plurinational State of|Bolivia (Plurinational State of)"),
    ("VEN", "en", "Venezuela|Venezuela, Bolivarian Republic of|"
                  "Venezuela (Bolivarian Republic of)"),
    ("KGZ", "en", "Kyrgyzstan|Kyrgyz Rep."),
    ("RUS", "en", "Russia"),
    ("USA", "en", "United States of America|the United States|USA|U.S.|US|U.S.A.|"
                  "United States (US)"),
    ("GBR", "en", "UK|U.K.|Great Britain|Britain|"
                  "United Kingdom of Great Britain and Northern Ireland"),
    ("HKG", "en", "Hong Kong|Hong Kong SAR|Hong Kong, SAR|Hong Kong SAR, China|"
                  "Hong Kong Special Administrative Region|Hong Kong (China)|"
                  "Hong Kong, China SAR"),
    ("MAC", "en", "Macao|Macau|Macau, China|Macao SAR|Macao SAR, China|Macao (China)"),
    ("TWN", "en", "Taiwan|Chinese Taipei (Taiwan)|"
                  "Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu"),
    ("CIV", "en", "Ivory Coast|Cote d'Ivoire|Cote dIvoire"),
    ("CZE", "en", "Czechia"),
    ("SVK", "en", "Slovakia"),
    ("SWZ", "en", "Swaziland|Kingdom of Eswatini"),
    ("MKD", "en", "Macedonia|FYROM|Republic of North Macedonia|"
                  "former Yugoslav Republic of Macedonia|"
                  "Macedonia, the former Yugoslav Republic of"),
    ("MMR", "en", "Burma"),
    ("CHN", "en", "PRC|People's Republic of China|P.R. China|PR China|"
                  "China, People's Republic of"),
    ("BRN", "en", "Brunei"),
    ("TZA", "en", "United Republic of Tanzania|Tanzania, United Republic of"),
    ("IRN", "en", "Islamic Republic of Iran|Iran, Islamic Republic of|"
                  "Iran (Islamic Republic of)"),
    ("SYR", "en", "Syria"),
    ("LBN", "en", "Lebanon"),
    ("MDA", "en", "Moldova|Moldova, Republic of"),
    ("FSM", "en", "Micronesia|Federated States of Micronesia"),
    ("PNG", "en", "PNG"),
    ("CPV", "en", "Cape Verde"),
    ("GMB", "en", "Gambia|Gambia, The"),
    ("TLS", "en", "East Timor|Timor Leste"),
    ("COD", "en", "DRC|DR Congo|D.R. Congo|Congo, Democratic Republic of the|Congo, Dem. Rep.|"
                  "Congo-Kinshasa|Zaire"),
    # "Congo" alone is the Republic of the Congo (UN usage; see README)
    ("COG", "en", "Republic of the Congo|Republic of Congo|Congo-Brazzaville|Congo, Rep."),
    ("SAU", "en", "Saudi Arabia|Saudi Arabia, Kingdom of"),
    ("BHR", "en", "Bahrain|Bahrain, Kingdom of"),
    ("KWT", "en", "Kuwait|State of Kuwait"),
    ("STP", "en", "São Tomé and Príncipe|Sao Tome & Principe"),
    ("VAT", "en", "Vatican|Vatican City"),
    ("PSE", "en", "Palestine"),
    ("ARE", "en", "UAE|U.A.E."),
    ("KNA", "en", "St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts & Nevis"),
    ("LCA", "en", "St. Lucia|St Lucia"),
    ("VCT", "en", "St. Vincent and the Grenadines|St Vincent and the Grenadines|"
                  "Saint Vincent & the Grenadines"),
    ("ATG", "en", "Antigua & Barbuda"),
    ("TTO", "en", "Trinidad & Tobago"),
    ("BIH", "en", "Bosnia & Herzegovina|Bosnia-Herzegovina"),
    ("GNB", "en", "Guinea Bissau"),
    ("CUW", "en", "Curacao"),
    ("NLD", "en", "Holland|Kingdom of the Netherlands"),
    ("XKX", "en", "Republic of Kosovo"),
    ("EU", "en", "EU|European Communities|European Community|EU member States|"
                 "European Union member States|Member States of the European Union"),
    # economies, French and Spanish
    ("KOR", "fr", "Corée|Corée du Sud"), ("KOR", "es", "Corea|Corea del Sur"),
    ("PRK", "fr", "Corée du Nord"), ("PRK", "es", "Corea del Norte"),
    ("USA", "fr", "États-Unis d'Amérique|Etats-Unis"),
    ("USA", "es", "Estados Unidos de América|EE.UU.|EE. UU.|EEUU"),
    ("LAO", "fr", "RDP lao"), ("LAO", "es", "RDP Lao"),
    ("TUR", "fr", "Turquie"), ("TUR", "es", "Turquía"),
    ("VNM", "fr", "Viêt Nam"), ("BOL", "fr", "Bolivie"),
    ("TZA", "fr", "République-Unie de Tanzanie"), ("TZA", "es", "República Unida de Tanzanía"),
    ("CIV", "es", "Costa de Marfil"), ("KGZ", "es", "Kirguistán"),
    ("BHR", "es", "Bahrein"), ("ETH", "fr", "Ethiopie"), ("MMR", "en", "Union of Myanmar"),
    ("EU", "fr", "UE|Communautés européennes"), ("EU", "es", "UE|Comunidades Europeas"),
    # organizations and agencies
    ("WTO", "en", "WTO"), ("WTO", "fr", "OMC"),
    ("WIPO", "en", "WIPO|World IP Organisation|World Intellectual Property Organisation|"
                   "World IP Organization"),
    ("WIPO", "fr", "OMPI"),
    ("WCO", "en", "WCO|World Customs Organisation"), ("WCO", "fr", "OMD"),
    ("UPOV", "en", "UPOV"), ("WHO", "en", "WHO"), ("WHO", "fr", "OMS"),
    ("UNCTAD", "en", "UNCTAD"), ("UNCTAD", "fr", "CNUCED"),
    ("INTERPOL", "en", "INTERPOL"), ("EPO", "en", "EPO|European Patent Office (EPO)"),
    ("EPO", "fr", "OEB"), ("ARIPO", "en", "ARIPO"), ("OAPI", "en", "OAPI"),
    ("UNDP", "en", "UNDP"), ("UNDP", "fr", "PNUD"), ("UNIDO", "en", "UNIDO"),
    ("UNIDO", "fr", "ONUDI"), ("OECD", "en", "OECD"), ("OECD", "fr", "OCDE"),
    ("WORLD-BANK", "en", "World Bank Group"),
    ("EAPO", "en", "EAPO|Eurasian Patent Office"), ("EAPO", "fr", "OEAB"),
    ("GCCPO", "en", "GCC Patent Office|GCCPO|Patent Office of the GCC"),
    ("UNESCO", "en", "UNESCO"), ("UNEP", "en", "UNEP"), ("UNEP", "fr", "PNUE"),
    ("UNEP", "es", "PNUMA"), ("UNECE", "en", "UNECE"), ("UNECE", "fr", "CEE-ONU"),
    ("UNECE", "es", "CEPE"),
    ("SCBD", "en", "SCBD|CBD Secretariat|Secretariat of the CBD"),
    ("SCBD", "fr", "Secrétariat de la CDB"), ("SCBD", "es", "Secretaría del CDB"),
    ("TRIPS-COUNCIL", "en", "TRIPS Council|Council for TRIPS"),
    ("TRIPS-COUNCIL", "fr", "Conseil des ADPIC"), ("TRIPS-COUNCIL", "es", "Consejo de los ADPIC"),
    ("ABS-INITIATIVE", "en", "ABS Initiative|ABS Capacity Development Initiative for Africa|"
                             "Multi-Donor ABS Capacity Development Initiative"),
    ("ABS-INITIATIVE", "fr", "Initiative APA"),
    ("CPVO", "en", "CPVO"), ("CPVO", "fr", "OCVV"),
    ("GIZ", "en", "GIZ|Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"),
    ("WCO", "es", "OMA"), ("WIPO", "es", "OMPI"), ("WTO", "es", "OMC"),
    ("EPO", "es", "OEP"), ("UNIDO", "es", "ONUDI"), ("OECD", "es", "OCDE"),
    ("UNDP", "es", "PNUD"), ("JPO", "fr", "Office des brevets du Japon|Office japonais des brevets"),
    ("JPO", "es", "Oficina Japonesa de Patentes|Oficina de Patentes del Japón"),
    ("ICC", "en", "ICC"), ("INTA", "en", "INTA"),
    ("AIPA", "en", "AIPA|ASEAN IP Association"), ("BASCAP", "en", "BASCAP"),
    ("APEC-IPEG", "en", "IPEG|APEC IPEG|IPEG (APEC)|Intellectual Property Rights Experts' Group|"
                        "Intellectual Property Rights Experts Group|"
                        "Intellectual Property Expert Group|Intellectual Property Experts' Group|"
                        "IP Rights Experts' Group|IP Experts' Group|"
                        "APEC Intellectual Property Experts Group"),
    ("APEC-CTI", "en", "CTI|Committee on Trade and Investment"),
    ("APEC-SCCP", "en", "SCCP|Sub-Committee on Customs Procedures"),
    ("ABAC", "en", "ABAC"),
    ("ASEAN-AWGIPC", "en", "AWGIPC|ASEAN AWGIPC|ASEAN Working Group on IP Cooperation|"
                           "Working Group on Intellectual Property Cooperation"),
    ("ANIEE", "en", "ANIEE|ASEAN Network of Intellectual Property Enforcement Experts"),
    ("APEC-SECRETARIAT", "en", "APEC Secretariat"),
    ("USPTO", "en", "USPTO|U.S. Patent and Trademark Office|US Patent and Trademark Office|"
                    "United States Patent & Trademark Office"),
    ("GIPA", "en", "GIPA|Global IP Academy|USPTO Global Intellectual Property Academy"),
    ("USTR", "en", "USTR|Office of the U.S. Trade Representative|"
                   "Office of the US Trade Representative|U.S. Trade Representative|"
                   "United States Trade Representative"),
    ("USAID", "en", "USAID|U.S. Agency for International Development|"
                    "US Agency for International Development"),
    ("USCO", "en", "USCO|U.S. Copyright Office|US Copyright Office"),
    ("USDA", "en", "USDA|U.S. Department of Agriculture|US Department of Agriculture"),
    ("USDOC", "en", "DOC|USDOC|U.S. Department of Commerce|US Department of Commerce"),
    ("CLDP", "en", "CLDP"),
    ("US-ITA", "en", "U.S. International Trade Administration"),
    ("DHS", "en", "DHS|U.S. Department of Homeland Security|US Department of Homeland Security"),
    ("CBP", "en", "CBP|Bureau of Customs and Border Protection|U.S. Customs and Border Protection|"
                  "US Customs and Border Protection"),
    ("ICE", "en", "ICE|U.S. Immigration and Customs Enforcement|"
                  "US Immigration and Customs Enforcement"),
    ("DOJ", "en", "DOJ|U.S. Department of Justice|US Department of Justice"),
    ("CCIPS", "en", "CCIPS"), ("FBI", "en", "FBI"), ("OPDAT", "en", "OPDAT"),
    ("DOS", "en", "DOS|U.S. Department of State|US Department of State|State Department"),
    ("USTDA", "en", "USTDA|U.S. Trade and Development Agency|US Trade and Development Agency"),
    ("KIPO", "en", "KIPO|Korean IP Office|Korea Intellectual Property Office"),
    ("KIPA", "en", "KIPA"), ("KOICA", "en", "KOICA"),
    ("JPO", "en", "JPO|Japanese Patent Office"), ("JICA", "en", "JICA"),
    ("EUIPO", "en", "EUIPO|European IP Office|European Union IP Office|OHIM|"
                    "Office for Harmonization in the Internal Market"),
    ("EU-COMMISSION", "en", "European Commission (EC)"),
    ("CIPO", "en", "CIPO"), ("IPI", "en", "IPI|Swiss Federal Institute of IP"),
    ("SECO", "en", "SECO|Swiss State Secretariat for Economic Affairs"),
    ("UKIPO", "en", "UKIPO|UK IPO|Intellectual Property Office (UK)|"
                    "United Kingdom Intellectual Property Office"),
    ("DFAT", "en", "DFAT|Australian Department of Foreign Affairs and Trade"),
    ("IPONZ", "en", "IPONZ|IP Office of New Zealand"),
    ("CNIPA", "en", "CNIPA|SIPO|State IP Office of PRC|State Intellectual Property Office|"
                    "State Intellectual Property Office of the People's Republic of China|"
                    "State Intellectual Property Office of China|"
                    "National Intellectual Property Administration, PRC"),
    ("IPOS", "en", "IPOS"), ("IPOPHL", "en", "IPOPHL|IPO Philippines"),
    ("MYIPO", "en", "MyIPO"), ("INDECOPI", "es", "INDECOPI"), ("OEPM", "es", "OEPM"),
    ("DPMA", "en", "DPMA"), ("INAPI", "es", "INAPI"),
    ("IMPI", "es", "IMPI"), ("IMPI", "en", "Mexican Institute for Industrial Property"),
    # groups
    ("LDC", "en", "LDC|LDCs|least developed country|least-developed countries|"
                  "least-developed country|least developed country Members|LDC Members|"
                  "LDC Member|least-developed country Members|LDC countries"),
    ("LDC", "fr", "PMA|pays les moins avancés (PMA)|PMA membres|pays moins avancés|"
                  "pays les moins avancés Membres"),
    ("LDC", "es", "países menos adelantados (PMA)|PMA|países menos adelantados Miembros|"
                  "PMA Miembros"),
    ("ASEAN", "en", "ASEAN|ASEAN Member States|AMS|AMSs|the ten ASEAN Member States|"
                    "ASEAN countries|ASEAN member countries|Member States of ASEAN|"
                    "Association of South East Asian Nations|ASEAN Member State"),
    ("ASEAN", "fr", "ANASE"),
    ("APEC", "en", "APEC|APEC economies|APEC member economies|APEC members|"
                   "APEC Member Economy|Asia Pacific Economic Cooperation"),
    ("MERCOSUR", "en", "MERCOSUR|MERCOSUL|Mercosur countries|Southern Common Market"),
    ("MERCOSUR", "es", "Mercado Común del Sur"),
    ("EAC", "en", "EAC|EAC Partner States"), ("SADC", "en", "SADC|SADC Member States"),
    ("COMESA", "en", "COMESA"),
    ("ACP", "en", "ACP|ACP countries|ACP States|OACPS|ACP Group|"
                  "African, Caribbean and Pacific Group of States"),
    ("AU", "en", "AU|African Union Member States"),
]


def main() -> None:
    """Write parties.csv, aliases.csv and memberships.csv."""
    locales = {"en": Locale("en"), "fr": Locale("fr"), "es": Locale("es")}
    rows: list[dict[str, str]] = []
    for status, table in (("member", WTO_MEMBERS), ("observer", WTO_OBSERVERS)):
        rows += [_country(code, name, status, locales) for code, name in table.items()]
    rows.append(_row("EU", "economy", "European Union", FR["EU"], ES["EU"], wto="member"))
    listed = {r["code"] for r in rows}
    for country in pycountry.countries:
        if country.alpha_3 not in listed:
            name = (OTHER_NAMES.get(country.alpha_3) or getattr(country, "common_name", None)
                    or country.name)
            rows.append(_country(country.alpha_3, name, "", locales))
    rows.append(_row("XKX", "economy", "Kosovo", "Kosovo", "Kosovo", iso2="XK"))
    for code, category, parent, site, en, fr, es in ORGANIZATIONS:
        rows.append(_row(code, category, en, fr, es, parent=parent, website=site))
    for code, en, fr, es in GROUPS:
        rows.append(_row(code, "group", en, fr, es))
    _write("parties.csv", rows)
    _write("aliases.csv", _aliases(rows, locales))
    _write("memberships.csv", _memberships())


def _row(code: str, category: str, en: str, fr: str, es: str, *, iso2: str = "", iso3: str = "",
         isonum: str = "", wto: str = "", parent: str = "", website: str = "") -> dict[str, str]:
    return {"code": code, "category": category, "name_en": en, "name_fr": fr, "name_es": es,
            "iso2": iso2, "iso3": iso3, "isonum": isonum, "wto_status": wto, "parent": parent,
            "website": website}


def _country(code: str, name: str, status: str, locales: dict[str, Locale]) -> dict[str, str]:
    country = _iso(code)
    iso2 = country.alpha_2
    return _row(code, "economy", name,
                FR.get(code) or locales["fr"].territories.get(iso2, ""),
                ES.get(code) or locales["es"].territories.get(iso2, ""),
                iso2=iso2, iso3=code, isonum=country.numeric, wto=status)


def _iso(code: str) -> Any:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise SystemExit(f"{code} is not an ISO 3166 alpha-3 code known to pycountry")
    return country


def _aliases(rows: list[dict[str, str]], locales: dict[str, Locale]) -> list[dict[str, str]]:
    """Hand-written spellings, then CLDR and ISO names not already taken by another party."""
    official = {normalize_name(r[f"name_{lang}"]): r["code"]
                for r in rows for lang in ("en", "fr", "es") if r[f"name_{lang}"]}
    out: list[dict[str, str]] = []
    seen: dict[str, str] = dict(official)

    def add(alias: str, code: str, lang: str, *, generated: bool) -> None:
        key = normalize_name(alias)
        if seen.get(key, code) != code:
            if generated:  # a library's spelling that clashes is dropped, a written one fails
                return
            raise SystemExit(f"{alias!r} is written for {code} but names {seen[key]}")
        if key in seen and (generated or key in official):
            return
        seen[key] = code
        out.append({"alias": alias, "code": code, "lang": lang})

    for code, lang, names in ALIASES:
        for alias in names.split("|"):
            add(alias, code, lang, generated=False)
    for row in rows:
        if not row["iso3"]:
            continue
        country = _iso(row["iso3"])
        spellings = [("en", country.name), ("en", getattr(country, "official_name", "")),
                     ("en", getattr(country, "common_name", "")),
                     *((lang, loc.territories.get(row["iso2"], ""))
                       for lang, loc in locales.items())]
        for lang, alias in spellings:
            if alias:
                add(alias, row["code"], lang, generated=True)
    return out


def _memberships() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []

    def add(group: str, member: str, start: str, end: str = "") -> None:
        out.append({"group": group, "member": member, "start": start, "end": end})

    for code in LDC_FIRST_LIST:
        add("LDC", code, "1971-11-18", LDC_GRADUATED.get(code, ""))
    for code, year in LDC_LATER.items():
        add("LDC", code, f"{year}-01-01", LDC_GRADUATED.get(code, ""))
    for code, start in ASEAN.items():
        add("ASEAN", code, start)
    for code, start in APEC.items():
        add("APEC", code, start)
    for group, table in (("MERCOSUR", MERCOSUR), ("EAC", EAC), ("SADC", SADC),
                         ("COMESA", COMESA)):
        for code, start, end in table:
            add(group, code, start, end)
    for code in ACP:
        add("ACP", code, ACP_START.get(code, "1975-06-06"))
    for code in [*AFRICA, "ESH"]:
        add("AU", code, AU_START.get(code, "2002-07-09"))
    for code, start in EU:
        add("EU", code, start)
    add("EU", "GBR", "1973-01-01", "2020-01-31")
    return out


def _write(name: str, rows: list[dict[str, str]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
