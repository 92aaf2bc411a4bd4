/// @file gazetteer_data.cpp
/// @brief Built-in gazetteer tables: aliases, historic states, cities, demonyms, organisations.
#include "corpus/analysis/gazetteer_data.hpp"

#include <array>

namespace newsdex::corpus::gazetteer_data {

namespace {

// The tables are kept hand-aligned, several pairs a line, so that they stay readable.
// clang-format off

// Canonical place names are the short English forms news uses; they match the names the
// ISO 3166-1 loader produces (see country_names) and the Reuters reader's PLACES labels.
constexpr Pair kPlaceAliases[] = {
    {"United States", "United States"}, {"US", "United States"}, {"USA", "United States"},
    {"United States of America", "United States"}, {"America", "United States"},
    {"United Kingdom", "United Kingdom"}, {"UK", "United Kingdom"}, {"Britain", "United Kingdom"},
    {"Great Britain", "United Kingdom"}, {"Soviet Union", "Soviet Union"}, {"USSR", "Soviet Union"},
    {"West Germany", "West Germany"}, {"W Germany", "West Germany"},
    {"Federal Republic of Germany", "West Germany"}, {"East Germany", "East Germany"},
    {"German Democratic Republic", "East Germany"}, {"GDR", "East Germany"},
    {"Czechoslovakia", "Czechoslovakia"}, {"Yugoslavia", "Yugoslavia"},
    {"Yemen Arab Republic", "Yemen Arab Republic"}, {"North Yemen", "Yemen Arab Republic"},
    {"Yemen Democratic Republic", "Yemen Democratic Republic"},
    {"South Yemen", "Yemen Democratic Republic"}, {"Netherlands Antilles", "Netherlands Antilles"},
    {"Burma", "Myanmar"}, {"Kampuchea", "Cambodia"}, {"Swaziland", "Eswatini"},
    {"Western Samoa", "Samoa"}, {"Zaire", "DR Congo"},
    {"DRC", "DR Congo"}, {"Holland", "Netherlands"},
    {"Antigua", "Antigua and Barbuda"}, {"Trinidad", "Trinidad and Tobago"},
    {"UAE", "United Arab Emirates"}, {"Emirates", "United Arab Emirates"},
    {"Ivory Coast", "Ivory Coast"}, {"Vatican", "Vatican"}, {"Turkey", "Turkey"},
    {"Russia", "Russia"}, {"South Korea", "South Korea"}, {"North Korea", "North Korea"},
    {"Hong Kong", "Hong Kong"}, {"Taiwan", "Taiwan"}, {"Macao", "Macao"}, {"Macau", "Macao"},
    {"Brunei", "Brunei"}, {"Cape Verde", "Cape Verde"}, {"Czech Republic", "Czechia"},
    {"Latin America", "Latin America"}, {"South America", "South America"},
    {"North America", "North America"}, {"Central America", "Central America"},
    {"Europe", "Europe"}, {"Western Europe", "Europe"}, {"Asia", "Asia"}, {"Africa", "Africa"},
    {"Middle East", "Middle East"}, {"Far East", "Far East"}, {"Persian Gulf", "Persian Gulf"},
    {"Gulf", "Persian Gulf"}, {"Pacific", "Pacific"}, {"Atlantic", "Atlantic"},
    {"Indian Ocean", "Indian Ocean"}, {"North Sea", "North Sea"}, {"Caribbean", "Caribbean"},
};

// Datelines' US state abbreviations ("NEWARK, N.J., March 3"), the forms that are no word.
constexpr Pair kStateAbbreviations[] = {
    {"N.J.", "New Jersey"}, {"N.Y.", "New York"}, {"N.C.", "North Carolina"},
    {"N.D.", "North Dakota"}, {"S.C.", "South Carolina"}, {"S.D.", "South Dakota"},
    {"N.H.", "New Hampshire"}, {"N.M.", "New Mexico"}, {"R.I.", "Rhode Island"},
    {"W.Va.", "West Virginia"}, {"Calif.", "California"}, {"Ill.", "Illinois"},
    {"Mich.", "Michigan"}, {"Minn.", "Minnesota"}, {"Fla.", "Florida"}, {"Conn.", "Connecticut"},
    {"Mass.", "Massachusetts"}, {"Tenn.", "Tennessee"}, {"Okla.", "Oklahoma"},
    {"Ariz.", "Arizona"}, {"Colo.", "Colorado"}, {"Wis.", "Wisconsin"}, {"Neb.", "Nebraska"},
    {"Nev.", "Nevada"}, {"Ky.", "Kentucky"}, {"Ala.", "Alabama"}, {"Ark.", "Arkansas"},
    {"Wyo.", "Wyoming"}, {"Md.", "Maryland"}, {"Tex.", "Texas"},
};

constexpr Pair kCities[] = {
    {"Washington", "United States"}, {"New York", "United States"},
    {"Los Angeles", "United States"}, {"San Francisco", "United States"},
    {"Houston", "United States"}, {"Dallas", "United States"}, {"Boston", "United States"},
    {"Pittsburgh", "United States"}, {"Philadelphia", "United States"},
    {"Atlanta", "United States"}, {"Miami", "United States"}, {"Seattle", "United States"},
    {"Minneapolis", "United States"}, {"St Louis", "United States"},
    {"Kansas City", "United States"}, {"Cleveland", "United States"},
    {"Cincinnati", "United States"}, {"Baltimore", "United States"}, {"Tulsa", "United States"},
    {"Omaha", "United States"}, {"Milwaukee", "United States"}, {"London", "United Kingdom"},
    {"Edinburgh", "United Kingdom"}, {"Paris", "France"}, {"Bonn", "West Germany"},
    {"Frankfurt", "Germany"}, {"Hamburg", "Germany"}, {"Munich", "Germany"},
    {"Duesseldorf", "Germany"}, {"Dusseldorf", "Germany"}, {"Cologne", "Germany"},
    {"Stuttgart", "Germany"}, {"East Berlin", "East Germany"}, {"West Berlin", "West Germany"},
    {"Brussels", "Belgium"}, {"Antwerp", "Belgium"}, {"Amsterdam", "Netherlands"},
    {"The Hague", "Netherlands"}, {"Rotterdam", "Netherlands"}, {"Zurich", "Switzerland"},
    {"Geneva", "Switzerland"}, {"Berne", "Switzerland"}, {"Bern", "Switzerland"},
    {"Basle", "Switzerland"}, {"Basel", "Switzerland"}, {"Milan", "Italy"}, {"Barcelona", "Spain"},
    {"Gothenburg", "Sweden"}, {"Bergen", "Norway"}, {"Leningrad", "Soviet Union"},
    {"Istanbul", "Turkey"}, {"Ankara", "Turkey"}, {"Osaka", "Japan"}, {"Beijing", "China"},
    {"Peking", "China"}, {"Taipei", "Taiwan"}, {"Seoul", "South Korea"}, {"New Delhi", "India"},
    {"Bombay", "India"}, {"Calcutta", "India"}, {"Madras", "India"}, {"Islamabad", "Pakistan"},
    {"Rangoon", "Myanmar"}, {"Saigon", "Vietnam"}, {"Hanoi", "Vietnam"}, {"Canberra", "Australia"},
    {"Wellington", "New Zealand"}, {"Riyadh", "Saudi Arabia"}, {"Jeddah", "Saudi Arabia"},
    {"Abu Dhabi", "United Arab Emirates"}, {"Tel Aviv", "Israel"}, {"Lagos", "Nigeria"},
    {"Abuja", "Nigeria"}, {"Addis Ababa", "Ethiopia"}, {"Pretoria", "South Africa"},
    {"Cape Town", "South Africa"}, {"Dar es Salaam", "Tanzania"}, {"Ottawa", "Canada"},
    {"Montreal", "Canada"}, {"Calgary", "Canada"}, {"Mexico City", "Mexico"},
    {"Brasilia", "Brazil"}, {"Rio de Janeiro", "Brazil"}, {"Quito", "Ecuador"}, {"Lima", "Peru"},
    {"Santiago", "Chile"}, {"Rome", "Italy"}, {"Wall Street", "United States"},
};

constexpr Pair kDemonyms[] = {
    {"American", "United States"}, {"British", "United Kingdom"}, {"Soviet", "Soviet Union"},
    {"West German", "West Germany"}, {"East German", "East Germany"}, {"German", "Germany"},
    {"Japanese", "Japan"}, {"Chinese", "China"}, {"French", "France"}, {"Italian", "Italy"},
    {"Spanish", "Spain"}, {"Canadian", "Canada"}, {"Mexican", "Mexico"}, {"Brazilian", "Brazil"},
    {"Argentine", "Argentina"}, {"Argentinian", "Argentina"}, {"Australian", "Australia"},
    {"Pakistani", "Pakistan"}, {"Iranian", "Iran"}, {"Iraqi", "Iraq"}, {"Kuwaiti", "Kuwait"},
    {"Saudi", "Saudi Arabia"}, {"Egyptian", "Egypt"}, {"Israeli", "Israel"}, {"Turkish", "Turkey"},
    {"Greek", "Greece"}, {"Dutch", "Netherlands"}, {"Belgian", "Belgium"}, {"Swiss", "Switzerland"},
    {"Austrian", "Austria"}, {"Swedish", "Sweden"}, {"Norwegian", "Norway"}, {"Danish", "Denmark"},
    {"Finnish", "Finland"}, {"Irish", "Ireland"}, {"Portuguese", "Portugal"}, {"Polish", "Poland"},
    {"Hungarian", "Hungary"}, {"Czechoslovak", "Czechoslovakia"}, {"Yugoslav", "Yugoslavia"},
    {"Romanian", "Romania"}, {"Bulgarian", "Bulgaria"}, {"South Korean", "South Korea"},
    {"North Korean", "North Korea"}, {"Taiwanese", "Taiwan"}, {"Thai", "Thailand"},
    {"Malaysian", "Malaysia"}, {"Indonesian", "Indonesia"}, {"Philippine", "Philippines"},
    {"Filipino", "Philippines"}, {"Vietnamese", "Vietnam"}, {"Nigerian", "Nigeria"},
    {"South African", "South Africa"}, {"Kenyan", "Kenya"}, {"Zambian", "Zambia"},
    {"Zimbabwean", "Zimbabwe"}, {"Ghanaian", "Ghana"}, {"Ecuadorean", "Ecuador"},
    {"Ecuadorian", "Ecuador"}, {"Venezuelan", "Venezuela"}, {"Colombian", "Colombia"},
    {"Peruvian", "Peru"}, {"Chilean", "Chile"}, {"Bolivian", "Bolivia"}, {"Uruguayan", "Uruguay"},
    {"Cuban", "Cuba"}, {"Nicaraguan", "Nicaragua"}, {"Icelandic", "Iceland"}, {"Libyan", "Libya"},
    {"Algerian", "Algeria"}, {"Moroccan", "Morocco"}, {"Tunisian", "Tunisia"},
    {"Sudanese", "Sudan"}, {"Ethiopian", "Ethiopia"}, {"Syrian", "Syria"}, {"Lebanese", "Lebanon"},
    {"Jordanian", "Jordan"}, {"Qatari", "Qatar"}, {"Omani", "Oman"}, {"Bahraini", "Bahrain"},
    {"Bangladeshi", "Bangladesh"}, {"Sri Lankan", "Sri Lanka"}, {"Afghan", "Afghanistan"},
    {"Cypriot", "Cyprus"}, {"Jamaican", "Jamaica"}, {"Ivorian", "Ivory Coast"},
    {"Cameroonian", "Cameroon"}, {"Tanzanian", "Tanzania"}, {"Ugandan", "Uganda"},
    {"Zairean", "DR Congo"}, {"Angolan", "Angola"}, {"Indian", "India"},
    {"Singaporean", "Singapore"}, {"Luxembourg", "Luxembourg"}, {"New Zealand", "New Zealand"},
    {"Russian", "Russia"}, {"Mozambican", "Mozambique"}, {"Senegalese", "Senegal"},
};

// The Reuters ORGS labels' display names ("ico-coffee" -> "ICO Coffee") are the canonical
// forms, so that given and extracted organisations build the same filter term.
constexpr Pair kOrganisations[] = {
    {"European Community", "EC"}, {"European Communities", "EC"},
    {"European Economic Community", "EC"}, {"EEC", "EC"}, {"Common Market", "EC"}, {"EC", "EC"},
    {"Organization of Petroleum Exporting Countries", "OPEC"},
    {"Organisation of Petroleum Exporting Countries", "OPEC"}, {"OPEC", "OPEC"},
    {"General Agreement on Tariffs and Trade", "GATT"}, {"GATT", "GATT"},
    {"International Monetary Fund", "IMF"}, {"IMF", "IMF"},
    {"Organisation for Economic Co-operation and Development", "OECD"},
    {"Organization for Economic Cooperation and Development", "OECD"}, {"OECD", "OECD"},
    {"Standard and Poor's", "Standard and Poor's"}, {"Standard & Poor's", "Standard and Poor's"},
    {"World Bank", "World Bank"}, {"Bank for International Settlements", "BIS"},
    {"United Nations", "UN"}, {"UN", "UN"},
    {"United Nations Conference on Trade and Development", "UNCTAD"},
    {"Food and Agriculture Organization", "FAO"}, {"Food and Agriculture Organisation", "FAO"},
    {"International Energy Agency", "IEA"}, {"International Atomic Energy Agency", "IAEA"},
    {"International Coffee Organization", "ICO Coffee"},
    {"International Coffee Organisation", "ICO Coffee"}, {"ICO", "ICO Coffee"},
    {"Organisation of the Islamic Conference", "ICO Islam"},
    {"International Cocoa Organization", "ICCO"}, {"International Cocoa Organisation", "ICCO"},
    {"International Tin Council", "ITC"}, {"International Natural Rubber Organisation", "INRO"},
    {"International Natural Rubber Organization", "INRO"},
    {"Association of South East Asian Nations", "ASEAN"},
    {"Association of Southeast Asian Nations", "ASEAN"}, {"Gulf Cooperation Council", "GCC"},
    {"Gulf Co-operation Council", "GCC"}, {"Council for Mutual Economic Assistance", "Comecon"},
    {"CMEA", "Comecon"}, {"COMECON", "Comecon"}, {"European Free Trade Association", "EFTA"},
    {"European Investment Bank", "EIB"}, {"International Air Transport Association", "IATA"},
    {"International Labour Organisation", "ILO"}, {"International Labor Organization", "ILO"},
    {"World Health Organization", "WHO"}, {"International Development Association", "IDA"},
    {"International Wheat Council", "IWC Wheat"}, {"International Whaling Commission", "IWC Whale"},
    {"Asian Development Bank", "ADB Asia"}, {"African Development Bank", "ADB Africa"},
    {"European Coal and Steel Community", "ECSC"},
    {"Organisation of Arab Petroleum Exporting Countries", "OAPEC"},
    {"Organization of Arab Petroleum Exporting Countries", "OAPEC"},
    {"International Iron and Steel Institute", "IISI"},
    {"International Lead and Zinc Study Group", "ILZSG"},
    {"International Rubber Study Group", "IRSG"}, {"International Wool Secretariat", "IWS"},
    {"Association of Tin Producing Countries", "ATPC"},
    {"Association of Natural Rubber Producing Countries", "ANRPC"},
    {"Agency for International Development", "AID"},
    {"Latin American Free Trade Association", "LAFTA"}, {"Multi-Fibre Arrangement", "MFA"},
    {"Multifibre Arrangement", "MFA"}, {"Euratom", "Euratom"},
    {"Federal Reserve", "Federal Reserve"}, {"Federal Reserve Board", "Federal Reserve"},
    {"Fed", "Federal Reserve"}, {"Bundesbank", "Bundesbank"}, {"Bank of Japan", "Bank of Japan"},
    {"Bank of England", "Bank of England"}, {"Banque de France", "Banque de France"}, {"White House", "White House"},
    // Bodies and newsrooms that news of any year names, canonical by their usual name.
    {"European Union", "European Union"}, {"EU", "European Union"},
    {"North Atlantic Treaty Organization", "NATO"}, {"NATO", "NATO"},
    {"Federal Bureau of Investigation", "FBI"}, {"FBI", "FBI"},
    {"Central Intelligence Agency", "CIA"}, {"CIA", "CIA"}, {"NASA", "NASA"},
    {"Centers for Disease Control and Prevention", "CDC"}, {"CDC", "CDC"},
    {"Food and Drug Administration", "FDA"}, {"FDA", "FDA"},
    {"Red Cross", "Red Cross"}, {"Amnesty International", "Amnesty International"},
    {"Human Rights Watch", "Human Rights Watch"}, {"Taliban", "Taliban"},
    {"Islamic State", "Islamic State"}, {"ISIS", "Islamic State"}, {"ISIL", "Islamic State"},
    {"Hamas", "Hamas"}, {"Hezbollah", "Hezbollah"}, {"al-Qaeda", "al-Qaeda"}, {"Al Qaeda", "al-Qaeda"},
    {"Securities and Exchange Commission", "Securities and Exchange Commission"},
    {"Associated Press", "Associated Press"}, {"AP", "Associated Press"},
    {"Agence France-Presse", "AFP"}, {"AFP", "AFP"}, {"BBC", "BBC"}, {"CNN", "CNN"},
    {"NPR", "NPR"}, {"National Public Radio", "NPR"}, {"Fox News", "Fox News"},
    {"NBC News", "NBC News"}, {"CBS News", "CBS News"}, {"ABC News", "ABC News"},
    {"Al Jazeera", "Al Jazeera"}, {"The New York Times", "The New York Times"},
    {"New York Times", "The New York Times"}, {"The Washington Post", "The Washington Post"},
    {"Washington Post", "The Washington Post"}, {"The Guardian", "The Guardian"},
    {"Wall Street Journal", "The Wall Street Journal"},
    {"The Wall Street Journal", "The Wall Street Journal"}, {"The Times", "The Times"},
    {"Twitter", "Twitter"}, {"Facebook", "Facebook"}, {"Instagram", "Instagram"},
    {"YouTube", "YouTube"}, {"Google", "Google"}, {"Microsoft", "Microsoft"},
};

constexpr Pair kCountryNames[] = {
    {"TR", "Turkey"}, {"RU", "Russia"}, {"BN", "Brunei"}, {"CV", "Cape Verde"},
    {"CI", "Ivory Coast"}, {"VA", "Vatican"}, {"CD", "DR Congo"}, {"VG", "British Virgin Islands"},
    {"VI", "US Virgin Islands"}, {"FK", "Falkland Islands"}, {"MF", "Saint Martin"},
    {"SX", "Sint Maarten"}, {"CC", "Cocos Islands"},
};

constexpr std::string_view kCityDenylist[] = {
    "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
    "Upper", "Lower", "Capital", "Coast", "Lakes", "Islands", "Centre", "Center", "Federal",
    "Christmas", "Easter", "Wake", "Stanley", "Dawson", "Regina", "Casey", "Davis", "Palmer",
    "Troll", "Macquarie", "Johnston", "Midway", "Creston", "Eucla", "Lindeman", "Chatham", "Beulah",
    "Center", "Monticello", "Marengo", "Knox", "Vevay", "Winamac", "Tell City", "Petersburg",
    "Vincennes", "Salem", "New Salem", "Boise", "Nome", "Oral", "Darwin", "Kirov", "Wallis",
    "Reunion", "Canary", "Norfolk", "Comoro",
};

// clang-format on

}  // namespace

std::span<const Pair> place_aliases() {
    return kPlaceAliases;
}
std::span<const Pair> us_state_abbreviations() {
    return kStateAbbreviations;
}
std::span<const Pair> cities() {
    return kCities;
}
std::span<const Pair> demonyms() {
    return kDemonyms;
}
std::span<const Pair> organisations() {
    return kOrganisations;
}
std::span<const Pair> country_names() {
    return kCountryNames;
}
std::span<const std::string_view> city_denylist() {
    return kCityDenylist;
}

}  // namespace newsdex::corpus::gazetteer_data
