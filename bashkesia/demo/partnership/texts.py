"""What the demo forums say: names, purposes, agendas, minutes, priorities.

Demo content is data, not interface text: each entry is a pair (Albanian,
Serbian Latin), picked by the language of the municipality (Serbian in the
Serb-majority ones). Placeholders are filled by ``str.format``.
"""

MONTHS = (
    ("janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht",
     "shtator", "tetor", "nëntor", "dhjetor"),
    ("januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust",
     "septembar", "oktobar", "novembar", "decembar"),
)  # fmt: skip

# The municipality as an institution ("Komuna e Prizrenit").
MUNICIPALITY_OFFICE_SQ = {
    "PRI": "Komuna e Prishtinës",
    "POD": "Komuna e Podujevës",
    "FKO": "Komuna e Fushë Kosovës",
    "OBI": "Komuna e Obiliqit",
    "LIP": "Komuna e Lipjanit",
    "DRE": "Komuna e Drenasit",
    "GRA": "Komuna e Graçanicës",
    "NOB": "Komuna e Novobërdës",
    "MIT": "Komuna e Mitrovicës së Jugut",
    "VUS": "Komuna e Vushtrrisë",
    "SKE": "Komuna e Skenderajt",
    "MIV": "Komuna e Mitrovicës së Veriut",
    "ZVE": "Komuna e Zveçanit",
    "ZUB": "Komuna e Zubin Potokut",
    "LEP": "Komuna e Leposaviqit",
    "PEJ": "Komuna e Pejës",
    "IST": "Komuna e Istogut",
    "KLI": "Komuna e Klinës",
    "DEC": "Komuna e Deçanit",
    "JUN": "Komuna e Junikut",
    "GJA": "Komuna e Gjakovës",
    "RAH": "Komuna e Rahovecit",
    "MAL": "Komuna e Malishevës",
    "PRZ": "Komuna e Prizrenit",
    "SUH": "Komuna e Suharekës",
    "DRA": "Komuna e Dragashit",
    "MAM": "Komuna e Mamushës",
    "FER": "Komuna e Ferizajt",
    "KAC": "Komuna e Kaçanikut",
    "SHT": "Komuna e Shtimes",
    "STR": "Komuna e Shtërpcës",
    "HEL": "Komuna e Hanit të Elezit",
    "GJI": "Komuna e Gjilanit",
    "KAM": "Komuna e Kamenicës",
    "VIT": "Komuna e Vitisë",
    "RAN": "Komuna e Ranillugut",
    "PAR": "Komuna e Parteshit",
    "KLL": "Komuna e Kllokotit",
}

# Kosovo's communities in each municipality, with the weight each gets among
# the forums' members (non-majority communities a little above their share of
# the population: the forums' rules ask for them).
COMMUNITY_MIX = {
    "PRI": {"albanian": 84, "serb": 4, "turkish": 4, "bosniak": 4, "ashkali": 4},
    "POD": {"albanian": 100},
    "FKO": {"albanian": 82, "ashkali": 10, "serb": 4, "roma": 4},
    "OBI": {"albanian": 82, "serb": 10, "roma": 4, "ashkali": 4},
    "LIP": {"albanian": 82, "serb": 10, "ashkali": 4, "other": 4},
    "DRE": {"albanian": 100},
    "GRA": {"serb": 74, "albanian": 18, "roma": 8},
    "NOB": {"serb": 52, "albanian": 44, "roma": 4},
    "MIT": {"albanian": 84, "bosniak": 6, "turkish": 4, "roma": 3, "ashkali": 3},
    "VUS": {"albanian": 90, "serb": 5, "ashkali": 5},
    "SKE": {"albanian": 100},
    "MIV": {"serb": 74, "albanian": 12, "bosniak": 10, "gorani": 4},
    "ZVE": {"serb": 92, "albanian": 8},
    "ZUB": {"serb": 90, "albanian": 10},
    "LEP": {"serb": 90, "albanian": 6, "bosniak": 4},
    "PEJ": {"albanian": 80, "bosniak": 10, "egyptian": 6, "roma": 4},
    "IST": {"albanian": 82, "serb": 6, "bosniak": 6, "egyptian": 6},
    "KLI": {"albanian": 88, "serb": 4, "ashkali": 4, "egyptian": 4},
    "DEC": {"albanian": 100},
    "JUN": {"albanian": 100},
    "GJA": {"albanian": 84, "egyptian": 8, "roma": 4, "ashkali": 4},
    "RAH": {"albanian": 92, "serb": 4, "ashkali": 4},
    "MAL": {"albanian": 100},
    "PRZ": {"albanian": 72, "bosniak": 10, "turkish": 10, "roma": 4, "ashkali": 4},
    "SUH": {"albanian": 96, "ashkali": 4},
    "DRA": {"albanian": 58, "gorani": 38, "bosniak": 4},
    "MAM": {"turkish": 86, "albanian": 14},
    "FER": {"albanian": 88, "ashkali": 8, "serb": 4},
    "KAC": {"albanian": 100},
    "SHT": {"albanian": 94, "ashkali": 6},
    "STR": {"serb": 60, "albanian": 40},
    "HEL": {"albanian": 100},
    "GJI": {"albanian": 84, "serb": 8, "turkish": 4, "roma": 4},
    "KAM": {"albanian": 82, "serb": 14, "roma": 4},
    "VIT": {"albanian": 88, "serb": 6, "other": 6},
    "RAN": {"serb": 90, "albanian": 10},
    "PAR": {"serb": 100},
    "KLL": {"serb": 70, "albanian": 30},
}

# First names (men, women) and surnames of the communities people.py does
# not cover.
BOSNIAK_NAMES = (
    ["Adnan", "Amir", "Edin", "Emir", "Haris", "Jasmin", "Mirsad", "Nermin",
     "Senad"],
    ["Aida", "Amela", "Emina", "Lejla", "Merima", "Sabina", "Selma"],
    ["Ahmetović", "Alić", "Begović", "Halilović", "Hodžić", "Kurtović",
     "Mehmedović", "Ramović"],
)  # fmt: skip
GORANI_NAMES = (
    ["Fikret", "Nazif", "Ramiz", "Redžep", "Sabit", "Šefket"],
    ["Fatima", "Nurija", "Sevdija", "Zejnepa"],
    ["Dauti", "Islami", "Ljuta", "Ramadani", "Šaini"],
)  # fmt: skip
ROMA_NAMES = (
    ["Avdulah", "Bajram", "Muharem", "Nedžmedin", "Sabri", "Šaban"],
    ["Ajša", "Hava", "Ljuljeta", "Šemsa"],
    ["Ahmeti", "Berisha", "Gashi", "Krasniqi", "Mustafa", "Salihu"],
)  # fmt: skip
CROAT_NAMES = (
    ["Antun", "Ivan", "Mato", "Petar"],
    ["Ana", "Kata", "Marija"],
    ["Bakalović", "Glasnović", "Matić", "Palić"],
)  # fmt: skip

KIND_NAMES = {
    "kksb": (
        "Këshilli Komunal për Siguri në Bashkësi",
        "Opštinski savet za bezbednost u zajednici",
        "Municipal Community Safety Council",
    ),
    "klsp": (
        "Komiteti Lokal për Siguri Publike",
        "Lokalni komitet za javnu bezbednost",
        "Local Public Safety Committee",
    ),
    "evsb": (
        "Ekipi Veprues për Siguri në Bashkësi",
        "Akcioni tim za bezbednost u zajednici",
        "Community Safety Action Team",
    ),
}
SHORT = {"kksb": ("KKSB", "OSBZ"), "klsp": ("KLSP", "LKJB"), "evsb": ("EVSB", "ATBZ")}
# "of the KKSB" and the like, in Albanian.
SHORT_GENITIVE_SQ = {"kksb": "KKSB-së", "klsp": "KLSP-së", "evsb": "EVSB-së"}

KKSB_PURPOSE = (
    "Këshilli bashkon komunën, policinë dhe përfaqësuesit e komuniteteve për "
    "të identifikuar brengat e sigurisë në {municipality_acc}, për t'i "
    "trajtuar ato bashkërisht dhe për t'i propozuar Kuvendit Komunal masa "
    "parandaluese. Mblidhet çdo muaj; komandanti i stacionit raporton për "
    "gjendjen e sigurisë. Themeluar sipas Udhëzimit Administrativ Nr. 27/2012 "
    "MPB – 03/2012 MAPL.",
    "Savet okuplja opštinu, policiju i predstavnike zajednica kako bi "
    "utvrdio bezbednosne probleme u opštini {municipality}, rešavao ih "
    "zajednički i Skupštini opštine predlagao preventivne mere. Sastaje se "
    "jednom mesečno; komandir stanice podnosi izveštaj o bezbednosnoj "
    "situaciji. Osnovan u skladu sa Administrativnim uputstvom br. 27/2012 "
    "MUP – 03/2012 MALS.",
)
KLSP_PURPOSE = (
    "Komiteti bashkon banorët e {area_gen} {place}, policinë e sektorit dhe "
    "komunën, për të ngritur brengat e sigurisë dhe për t'i zgjidhur së "
    "bashku. Brengat që ngrihen në takime i merr përsipër policia.",
    "Komitet okuplja stanovnike {area_gen} {place}, sektorsku policiju i "
    "opštinu, kako bi zajednički iznosili i rešavali bezbednosne probleme. "
    "Policija preuzima probleme iznete na sastancima.",
)
# How a KLSP's area is called: (Albanian nominative, genitive, accusative),
# (Serbian nominative, genitive, locative); Serbian accusative = nominative.
AREA_WORDS = {
    "village": (("fshati", "fshatit", "fshatin"), ("selo", "sela", "selu")),
    "neighbourhood": (
        ("lagjja", "lagjes", "lagjen"),
        ("naselje", "naselja", "naselju"),
    ),
}

# Town neighbourhoods with a KLSP: municipality, Albanian and Serbian names.
NEIGHBOURHOODS = [
    ("PRZ", "Arbana", "Arbana"),
    ("PRI", "Kodra e Diellit", "Sunčani breg"),
    ("PRI", "Dardania", "Dardanija"),
    ("PEJ", "Kapeshnica", "Kapešnica"),
    ("MIT", "Bairi", "Bair"),
    ("MIV", "Lagjja e Boshnjakëve", "Bošnjačka mahala"),
]

REQUEST_REASONS = [
    (
        "Në {area_acc} tonë janë shtuar vjedhjet në shtëpi, sidomos në shtëpitë "
        "e mërgimtarëve. Banorët duan një takim të rregullt me policinë dhe "
        "komunën.",
        "U našem {area_loc} učestale su provale u kuće, naročito u kuće "
        "iseljenika. Meštani žele redovne sastanke sa policijom i opštinom.",
    ),
    (
        "Rruga kryesore kalon pranë shkollës dhe shoferët ngasin shpejt. Duam "
        "të punojmë me policinë e sektorit dhe me komunën për një zgjidhje.",
        "Glavni put prolazi pored škole i vozači voze prebrzo. Želimo da sa "
        "sektorskom policijom i opštinom nađemo rešenje.",
    ),
    (
        "Të rinjtë nuk kanë ku ta kalojnë kohën dhe kemi frikë nga droga. Duam "
        "një komitet që bashkon prindërit, shkollën dhe policinë.",
        "Mladi nemaju gde da provode vreme i plašimo se droge. Želimo komitet "
        "koji okuplja roditelje, školu i policiju.",
    ),
    (
        "{area_nom_cap} është larg stacionit policor. Një komitet do ta bënte "
        "më të lehtë bashkëpunimin me policinë e sektorit.",
        "{area_nom_cap} je daleko od policijske stanice. Komitet bi olakšao "
        "saradnju sa sektorskom policijom.",
    ),
]
SECURITY_ANALYSIS = (
    "Analiza e sigurisë ({year}) për zonën e {area_gen} {place}: vjedhje: "
    "{thefts}; aksidente trafiku: {accidents}; prishje të rendit publik: "
    "{fights}; brenga të paraqitura te polici i sektorit: {concerns}. "
    "Rekomandohet themelimi i një KLSP-je, në marrëveshje me banorët, që këto "
    "çështje të trajtohen së bashku.",
    "Bezbednosna analiza ({year}) za područje {area_gen} {place}: krađe: "
    "{thefts}; saobraćajne nesreće: {accidents}; narušavanje javnog reda: "
    "{fights}; problemi koje su meštani izneli sektorskom policajcu: "
    "{concerns}. Preporučuje se osnivanje LKJB, u dogovoru sa meštanima, kako "
    "bi se ova pitanja rešavala zajednički.",
)
REJECTION_REASON = (
    "Zona e kërkuar mbulohet tashmë nga një KLSP aktive në të njëjtin sektor. "
    "Kërkuesit u ftuan t'i bashkohen asaj; polici i sektorit do t'i njoftojë "
    "për takimin e radhës.",
    "Traženo područje već pokriva aktivni LKJB u istom sektoru. Podnosioci su "
    "pozvani da mu se pridruže; sektorski policajac će ih obavestiti o "
    "sledećem sastanku.",
)
DISSOLUTION_REASON = (
    "Komiteti nuk është mbledhur që nga {date}; shumica e anëtarëve janë "
    "larguar nga {area_nom}. Banorët i mbulon tani KLSP-ja fqinje dhe polici "
    "i sektorit.",
    "Komitet se nije sastajao od {date}; većina članova se odselila. "
    "Stanovnike sada pokriva susedni LKJB i sektorski policajac.",
)

# EVSB projects: title (sq, sr, en), goal (sq, sr), partners (sq, sr),
# outcome (sq, sr).
EVSB_PROJECTS = [
    (
        ("Rrugë e sigurt për në shkollë", "Bezbedan put do škole",
         "Safe route to school"),
        ("Të ulet rreziku për nxënësit në rrugën për në shkollë: vija të "
         "këmbësorëve, shenja dhe prindër vullnetarë në kalime çdo mëngjes.",
         "Smanjiti rizik za učenike na putu do škole: pešački prelazi, "
         "saobraćajni znakovi i roditelji volonteri na prelazima svakog jutra."),
        ("Komuna, shkolla fillore, OSBE", "Opština, osnovna škola, OEBS"),
        ("U vendosën dy vija të reja të këmbësorëve dhe dy shtrat ngadalësues; "
         "prindërit vullnetarë ruajnë kalimin çdo mëngjes. Asnjë nxënës nuk u "
         "lëndua në trafik gjatë vitit shkollor.",
         "Postavljena su dva nova pešačka prelaza i dva usporivača; roditelji "
         "volonteri čuvaju prelaz svakog jutra. Nijedan učenik nije povređen u "
         "saobraćaju tokom školske godine."),
    ),
    (
        ("Drita në park", "Svetlo u parku", "Light in the park"),
        ("Të ndriçohet dhe të rregullohet parku ku të rinjtë mblidhen natën, "
         "që banorët ta shfrytëzojnë pa frikë.",
         "Osvetliti i urediti park u kojem se mladi okupljaju noću, kako bi ga "
         "građani koristili bez straha."),
        ("Komuna, OJQ lokale, bizneset e lagjes",
         "Opština, lokalne NVO, preduzetnici iz naselja"),
        ("U vendosën 24 ndriçues dhe u pastruan shkurret; brengat e banorëve "
         "për grumbullime natën ranë nga 11 në 2 në gjashtë muaj.",
         "Postavljeno je 24 svetiljke i očišćeno rastinje; prijave građana o "
         "noćnom okupljanju pale su sa 11 na 2 za šest meseci."),
    ),
    (
        ("Të rinjtë kundër drogës", "Mladi protiv droge", "Youth against drugs"),
        ("Punëtori në shkollat e mesme dhe aktivitete sportive pas mësimit, që "
         "të rinjtë të mos bien pre e shpërndarësve të drogës.",
         "Radionice u srednjim školama i sportske aktivnosti posle nastave, "
         "kako mladi ne bi postali žrtve dilera."),
        ("ICITAP, Drejtoria e Arsimit, Këshilli i të Rinjve",
         "ICITAP, Direkcija za obrazovanje, Savet mladih"),
        ("12 punëtori me 340 nxënës; një turne futbolli me policinë. Nxënësit "
         "dhe prindërit dinë tani ku të raportojnë.",
         "12 radionica sa 340 učenika; fudbalski turnir sa policijom. Učenici "
         "i roditelji sada znaju gde da prijave."),
    ),
    (
        ("Festa pa të shtëna", "Praznici bez pucnjave", "Celebrations without gunfire"),
        ("Fushatë para festave dhe sezonit të dasmave kundër të shtënave në "
         "ajër, me klerikët, muzikantët dhe pronarët e sallave.",
         "Kampanja pre praznika i sezone venčanja protiv pucanja u vazduh, sa "
         "verskim službenicima, muzičarima i vlasnicima sala."),
        ("OSBE, Komuna, bashkësitë fetare", "OEBS, Opština, verske zajednice"),
        ("Rastet e të shtënave gjatë festave ranë përgjysmë krahasuar me vitin "
         "e kaluar; 14 armë u dorëzuan vullnetarisht.",
         "Broj slučajeva pucanja tokom praznika prepolovljen je u odnosu na "
         "prošlu godinu; 14 komada oružja predato je dobrovoljno."),
    ),
    (
        ("Vrojtuesit e Lagjes", "Susedska straža", "Neighbourhood watch"),
        ("Banorë vullnetarë vrojtojnë lagjen dhe i lajmërojnë policisë lëvizjet "
         "e dyshimta, pas një vale vjedhjesh në shtëpi.",
         "Meštani volonteri prate dešavanja u naselju i policiji prijavljuju "
         "sumnjiva kretanja, nakon talasa provala u kuće."),
        ("Komuna, këshilli i lagjes", "Opština, savet mesne zajednice"),
        ("Vjedhjet në shtëpi ranë nga 9 në 3 në vit; grupi ka 25 anëtarë dhe "
         "takohet me policin e sektorit çdo muaj.",
         "Broj provala pao je sa 9 na 3 godišnje; grupa ima 25 članova i "
         "sastaje se sa sektorskim policajcem svakog meseca."),
    ),
    (
        ("Fëmijë të sigurt në internet", "Deca bezbedna na internetu",
         "Children safe online"),
        ("Prindërit dhe mësuesit të mësojnë si t'i mbrojnë fëmijët nga "
         "ngacmimi dhe mashtrimi në internet.",
         "Naučiti roditelje i nastavnike kako da zaštite decu od "
         "uznemiravanja i prevara na internetu."),
        ("ICITAP, shkollat, OJQ lokale", "ICITAP, škole, lokalne NVO"),
        ("Takime në 8 shkolla me 600 prindër; një broshurë në shqip dhe serbisht.",
         "Sastanci u 8 škola sa 600 roditelja; brošura na albanskom i srpskom."),
    ),
    (
        ("Qentë endacakë", "Psi lutalice", "Stray dogs"),
        ("Të mblidhen dhe të vaksinohen qentë endacakë rreth shkollave dhe "
         "tregut, në bashkëpunim me komunën.",
         "Uhvatiti i vakcinisati pse lutalice oko škola i pijace, u saradnji "
         "sa opštinom."),
        ("Komuna, Agjencia e Ushqimit dhe Veterinarisë",
         "Opština, Agencija za hranu i veterinu"),
        ("U kapën dhe u strehuan 120 qen; kafshimet e raportuara ranë ndjeshëm.",
         "Uhvaćeno je i zbrinuto 120 pasa; prijavljeni ujedi znatno su opali."),
    ),
    (
        ("Bashkë kundër dhunës në familje", "Zajedno protiv nasilja u porodici",
         "Together against domestic violence"),
        ("Të njihen shenjat e dhunës në familje dhe të dihet ku kërkohet "
         "ndihmë; takime me gratë në fshatra.",
         "Prepoznati znake nasilja u porodici i znati gde se traži pomoć; "
         "sastanci sa ženama u selima."),
        ("Qendra për Punë Sociale, strehimorja e grave, OSBE",
         "Centar za socijalni rad, sigurna kuća, OEBS"),
        ("18 takime me 420 gra; rastet e raportuara u rritën, shenjë se gratë "
         "kanë më shumë besim te policia.",
         "18 sastanaka sa 420 žena; broj prijava je porastao, što pokazuje veće "
         "poverenje žena u policiju."),
    ),
    (
        ("Parkimi në qendër", "Parkiranje u centru", "Parking in the centre"),
        ("Të lirohen trotuaret dhe hyrjet e shkollave nga veturat e parkuara "
         "pa rregull.",
         "Osloboditi trotoare i ulaze u škole od nepropisno parkiranih vozila."),
        ("Komuna, inspektorati komunal, shoqata e biznesit",
         "Opština, opštinska inspekcija, udruženje privrednika"),
        ("U shënuan 140 vende parkimi; trotuaret në rrugën kryesore janë të "
         "lira në 9 nga 10 kontrolle.",
         "Obeleženo je 140 parking mesta; trotoari u glavnoj ulici slobodni su "
         "u 9 od 10 kontrola."),
    ),
    (
        ("Sport me policinë", "Sport sa policijom", "Sport with the police"),
        ("Liga futbolli dhe basketbolli për të rinjtë e lagjeve, me policë si "
         "trajnerë vullnetarë.",
         "Fudbalska i košarkaška liga za mlade iz naselja, sa policajcima kao "
         "trenerima volonterima."),
        ("Komuna, klubet sportive, Këshilli i të Rinjve",
         "Opština, sportski klubovi, Savet mladih"),
        ("16 ekipe me 190 të rinj; sjelljet e dhunshme në shkollat përreth ranë.",
         "16 ekipa sa 190 mladih; nasilje u okolnim školama je opalo."),
    ),
    (
        ("Mbrojtja nga zjarret", "Zaštita od požara", "Wildfire prevention"),
        ("Të parandalohen zjarret në kullota dhe pyje gjatë verës: patrulla, "
         "njoftime për fermerët dhe pastrimi i brezave mbrojtës.",
         "Sprečiti požare na pašnjacima i u šumama tokom leta: patrole, "
         "obaveštenja za poljoprivrednike i čišćenje zaštitnih pojaseva."),
        ("Njësia Profesionale e Zjarrfikësve, Komuna",
         "Profesionalna vatrogasna jedinica, Opština"),
        ("Asnjë zjarr i madh gjatë verës; 30 km breza mbrojtës të pastruar.",
         "Nijedan veliki požar tokom leta; očišćeno 30 km zaštitnih pojaseva."),
    ),
    (
        ("Kthim i sigurt", "Bezbedan povratak", "Safe return"),
        ("Të forcohet besimi i familjeve të kthyera dhe fqinjëve të tyre: "
         "takime të përbashkëta dhe patrulla në zonat e kthimit.",
         "Ojačati poverenje povratničkih porodica i njihovih komšija: "
         "zajednički sastanci i patrole u povratničkim područjima."),
        ("UNHCR, Zyra Komunale për Komunitete dhe Kthim, OSBE",
         "UNHCR, Opštinska kancelarija za zajednice i povratak, OEBS"),
        ("Gjashtë takime të përbashkëta; asnjë incident i raportuar ndaj "
         "familjeve të kthyera gjatë projektit.",
         "Šest zajedničkih sastanaka; nijedan prijavljeni incident prema "
         "povratničkim porodicama tokom projekta."),
    ),
]  # fmt: skip

# Seats, in the order a forum fills them: (role, organisation sq,
# organisation sr, gender, age band, community), "" = as it falls. {office}
# is the municipality as an institution, {school} the local school, and the
# area words those of ``forums.area_words``.
KKSB_SEATS = [
    ("deputy", "Kuvendi Komunal", "Skupština opštine", "", "", ""),
    ("secretary", "{office} – zyrtar për siguri publike",
     "{office} – službenik za javnu bezbednost", "", "", ""),
    ("member", "Qendra për Punë Sociale", "Centar za socijalni rad", "female", "",
     ""),
    ("member", "Këshilli Komunal i të Rinjve", "Opštinski savet mladih", "",
     "under_25", ""),
    ("municipal", "{office} – Drejtoria e Arsimit",
     "{office} – Direkcija za obrazovanje", "", "", ""),
    ("member", "Rrjeti i organizatave të grave", "Mreža ženskih organizacija",
     "female", "", ""),
    ("municipal", "{office} – Drejtoria e Shëndetësisë dhe Mirëqenies Sociale",
     "{office} – Direkcija za zdravstvo i socijalnu zaštitu", "", "", ""),
    ("member", "Njësia Profesionale e Zjarrfikësve",
     "Profesionalna vatrogasna jedinica", "male", "", ""),
    ("member", "Shoqata e biznesit", "Udruženje privrednika", "", "", ""),
    ("member", "Përfaqësues i KLSP-ve", "Predstavnik LKJB", "", "", ""),
    ("member", "Bashkësia fetare", "Verska zajednica", "male", "", ""),
    ("member", "Shkolla e mesme", "Srednja škola", "", "", ""),
]  # fmt: skip
# The seat of a non-majority community in a KKSB: "representative of the
# ... community" (Albanian adjective, Serbian genitive adjective).
COMMUNITY_ADJECTIVES = {
    "albanian": ("shqiptar", "albanske"),
    "serb": ("serb", "srpske"),
    "bosniak": ("boshnjak", "bošnjačke"),
    "turkish": ("turk", "turske"),
    "roma": ("rom", "romske"),
    "ashkali": ("ashkali", "aškalijske"),
    "egyptian": ("egjiptian", "egipćanske"),
    "gorani": ("goran", "goranske"),
    "other": ("kroat", "hrvatske"),
}
COMMUNITY_SEAT = {
    "male": ("Përfaqësues i komunitetit {adjective}",
             "Predstavnik {adjective} zajednice"),
    "female": ("Përfaqësuese e komunitetit {adjective}",
               "Predstavnica {adjective} zajednice"),
}  # fmt: skip
# Albanian "in <town>" where the name does not take "në" as it is.
IN_TOWN_SQ = {"Hani i Elezit": "në Han të Elezit"}
KLSP_SEATS = [
    ("chair", "Këshilli i {area_gen} {place}", "Savet {area_gen} {place}", "male",
     "", ""),
    ("secretary", "Shkolla {school}", "Škola {school}", "", "", ""),
    ("municipal", "{office}", "{office}", "", "", ""),
    ("deputy", "", "", "", "", ""),
    ("member", "Shoqata e grave", "Udruženje žena", "female", "", ""),
    ("member", "Të rinjtë e {area_gen}", "Mladi {area_gen}", "", "under_25", ""),
    ("member", "Këshilli i prindërve", "Savet roditelja", "", "", ""),
    ("member", "", "", "", "65_plus", ""),
    ("member", "Ambulanca e {area_gen}", "Ambulanta", "female", "", ""),
    ("member", "", "", "", "", ""),
]  # fmt: skip
EVSB_SEATS = [
    ("chair", "", "", "", "", ""),
    ("municipal", "{office}", "{office}", "", "", ""),
    ("secretary", "", "", "female", "", ""),
    ("member", "Shkolla {school}", "Škola {school}", "", "", ""),
    ("member", "", "", "", "under_25", ""),
    ("member", "OJQ lokale", "Lokalna NVO", "female", "", ""),
    ("member", "", "", "", "", ""),
]  # fmt: skip

SCHOOLS = (
    ["\u201cNaim Frashëri\u201d", "\u201cSami Frashëri\u201d",
     "\u201cIsmail Qemali\u201d", "\u201cFan S. Noli\u201d",
     "\u201cGjergj Fishta\u201d", "\u201cMigjeni\u201d",
     "\u201cPashko Vasa\u201d", "\u201cNdre Mjeda\u201d",
     "\u201cAndon Zako Çajupi\u201d", "\u201cLuigj Gurakuqi\u201d"],
    ["\u201cVuk Karadžić\u201d", "\u201cSveti Sava\u201d",
     "\u201cDesanka Maksimović\u201d", "\u201cBranko Radičević\u201d",
     "\u201cJovan Cvijić\u201d", "\u201cDositej Obradović\u201d",
     "\u201cPetar Petrović Njegoš\u201d"],
)  # fmt: skip
# Named streets in towns, with their preposition ("në rrugën ...").
STREETS = (
    ["në rrugën \u201cAdem Jashari\u201d", "në rrugën \u201cSkënderbeu\u201d",
     "në rrugën \u201cNëna Terezë\u201d", "në rrugën \u201cIsmail Qemali\u201d",
     "në rrugën \u201cDëshmorët e Kombit\u201d", "në rrugën \u201cBajram Curri\u201d",
     "në rrugën \u201cIbrahim Rugova\u201d", "në rrugën \u201cIsa Boletini\u201d",
     "në rrugën \u201cFehmi Agani\u201d", "në rrugën \u201cXhevdet Doda\u201d"],
    ["u ulici Kralja Petra I", "u ulici Svetog Save", "u ulici Cara Lazara",
     "u ulici Kneza Miloša", "u ulici Vuka Karadžića", "u ulici Kosovskih junaka",
     "u ulici Vojvode Putnika"],
)  # fmt: skip
VILLAGE_ROAD = ("në rrugën kryesore të {area_gen} {place}",
                "na glavnom putu kroz {area_acc} {place}")  # fmt: skip
PARKS_TOWN = (
    ["te parku i qytetit", "te parku pranë lumit", "te parku i lagjes",
     "në fushën e sportit pas shkollës"],
    ["u gradskom parku", "u parku pored reke", "u parku u naselju",
     "na sportskom terenu iza škole"],
)  # fmt: skip
PARKS_VILLAGE = (
    ["në fushën e sportit të {area_gen}", "te lumi pranë urës"],
    ["na sportskom terenu u {area_loc}", "kod reke pored mosta"],
)

# Sector priorities: concern category, issue (sq, sr), action taken (sq, sr).
# Placeholders: {street}, {school}, {park}, {in_place} ("në X" / "u selu X").
PRIORITIES = {
    "speeding-school": (
        "traffic-safety",
        ("Shpejtësia e veturave {street}, pranë shkollës {school}, kur nxënësit "
         "shkojnë dhe kthehen nga mësimi.",
         "Prebrza vožnja {street}, pored škole {school}, kada učenici dolaze i "
         "odlaze sa nastave."),
        ("Kontrolle të shpejtësisë me radar dy herë në javë dhe polic në kalimin "
         "e këmbësorëve çdo mëngjes; komuna vendosi dy shtrat ngadalësues.",
         "Kontrola brzine radarom dva puta nedeljno i policajac na pešačkom "
         "prelazu svakog jutra; opština je postavila dva usporivača."),
    ),
    "night-noise": (
        "public-order-noise",
        ("Zhurmë dhe muzikë e lartë pas mesnate nga lokalet {in_place}, "
         "sidomos në fundjavë.",
         "Buka i glasna muzika posle ponoći iz lokala {in_place}, naročito "
         "vikendom."),
        ("Patrulla të përbashkëta me inspektorët komunalë në fundjavë; dy "
         "lokale u gjobitën për tejkalim të orarit.",
         "Zajedničke patrole sa opštinskim inspektorima vikendom; dva lokala "
         "kažnjena su zbog prekoračenja radnog vremena."),
    ),
    "drugs-park": (
        "drugs",
        ("Dyshime për shitje droge {park} në mbrëmje, pranë vendit ku luajnë "
         "fëmijët.",
         "Sumnja na prodaju droge {park} uveče, blizu mesta gde se deca igraju."),
        ("Patrullime me uniformë dhe civile në mbrëmje; një person u arrestua "
         "dhe u sekuestruan 40 gramë marihuanë. Komuna ndriçoi shtegun.",
         "Uniformisane i civilne patrole uveče; jedno lice je uhapšeno i "
         "zaplenjeno je 40 grama marihuane. Opština je osvetlila stazu."),
    ),
    "burglaries": (
        "theft-burglary",
        ("Vjedhje në shtëpi {in_place} gjatë ditës, kur banorët janë në punë "
         "ose jashtë vendit.",
         "Provale u kuće {in_place} tokom dana, dok su ukućani na poslu ili u "
         "inostranstvu."),
        ("Patrullime të shtuara gjatë ditës, kontrolle të veturave të panjohura "
         "dhe takim me banorët për masat mbrojtëse; dy të dyshuar u arrestuan.",
         "Pojačane patrole tokom dana, kontrole nepoznatih vozila i sastanak sa "
         "meštanima o merama zaštite; uhapšena su dva osumnjičena."),
    ),
    "parking": (
        "traffic-safety",
        ("Parkim i paligjshëm në trotuare {street}; këmbësorët, edhe nënat me "
         "karroca, detyrohen të ecin në rrugë.",
         "Nepropisno parkiranje na trotoarima {street}; pešaci, i majke sa "
         "kolicima, moraju da idu kolovozom."),
        ("Aksion i përbashkët me inspektoratin komunal: u shqiptuan 65 gjoba "
         "dhe u larguan 12 vetura me merimangë.",
         "Zajednička akcija sa opštinskom inspekcijom: izrečeno je 65 kazni i "
         "paukom je odneto 12 vozila."),
    ),
    "stray-dogs": (
        "stray-animals",
        ("Qen endacakë në grupe te tregu dhe në rrugën për në shkollë "
         "{in_place}; dy fëmijë u kafshuan këtë muaj.",
         "Čopori pasa lutalica kod pijace i na putu do škole {in_place}; dvoje "
         "dece je ujedeno ovog meseca."),
        ("Rasti iu përcoll komunës; shërbimi veterinar kapi 18 qen dhe i "
         "dërgoi në strehimore.",
         "Slučaj je prosleđen opštini; veterinarska služba uhvatila je 18 pasa "
         "i smestila ih u prihvatilište."),
    ),
    "lighting": (
        "street-lighting",
        ("Rruga nga stacioni i autobusit deri te shkolla {in_place} është pa "
         "ndriçim; gratë dhe nxënësit ndihen të pasigurt në mbrëmje.",
         "Put od autobuske stanice do škole {in_place} nema rasvetu; žene i "
         "učenici se uveče ne osećaju bezbedno."),
        ("Komuna riparoi 30 ndriçues pas kërkesës së policisë dhe të banorëve; "
         "patrulla kalon aty çdo mbrëmje.",
         "Opština je popravila 30 svetiljki na zahtev policije i meštana; "
         "patrola tuda prolazi svake večeri."),
    ),
    "gunfire": (
        "illegal-weapons",
        ("Të shtëna në ajër gjatë dasmave dhe festave {in_place}.",
         "Pucanje u vazduh tokom svadbi i proslava {in_place}."),
        ("Fushatë informuese me klerikët dhe organizatorët e dasmave; dy "
         "persona u arrestuan dhe armët iu konfiskuan.",
         "Informativna kampanja sa verskim službenicima i organizatorima "
         "svadbi; dve osobe su uhapšene i oružje im je oduzeto."),
    ),
    "school-cigarettes": (
        "school-safety",
        ("Shitje cigaresh dhe alkooli te të miturit pranë shkollës {school}.",
         "Prodaja cigareta i alkohola maloletnicima pored škole {school}."),
        ("Kontrolle të përbashkëta me inspektoratin në dyqanet përreth; një "
         "dyqan u mbyll përkohësisht.",
         "Zajedničke kontrole prodavnica u okolini sa inspekcijom; jedna "
         "prodavnica je privremeno zatvorena."),
    ),
    "vandalism": (
        "vandalism",
        ("Dëmtimi i ndenjëseve, i ndriçimit dhe i lodrave të fëmijëve {park}.",
         "Oštećivanje klupa, rasvete i dečjih igrališta {park}."),
        ("Komuna vendosi kamerë te hyrja e parkut; patrulla kalon çdo natë dhe "
         "dy të rinj u identifikuan.",
         "Opština je postavila kameru na ulazu u park; patrola prolazi svake "
         "noći i identifikovana su dva mladića."),
    ),
    "racing": (
        "traffic-safety",
        ("Gara me vetura dhe motoçikleta natën {street}.",
         "Trke automobilima i motociklima noću {street}."),
        ("Kontrolle të shpejtësisë natën; nëntë shoferëve iu morën patentë "
         "shoferët dhe dy vetura u sekuestruan.",
         "Noćne kontrole brzine; devetorici vozača oduzete su vozačke dozvole, "
         "a dva vozila su zaplenjena."),
    ),
    "livestock-theft": (
        "theft-burglary",
        ("Vjedhje bagëtish dhe druri nga pyjet e {area_gen} {place}, natën.",
         "Krađe stoke i drva iz šuma oko {area_gen} {place}, noću."),
        ("Patrulla të përbashkëta me rojet pyjore; kontrolle të kamionëve me "
         "dru në dalje të fshatit.",
         "Zajedničke patrole sa šumarima; kontrole kamiona sa drvima na izlazu "
         "iz sela."),
    ),
}  # fmt: skip
TOWN_PRIORITIES = ["speeding-school", "night-noise", "drugs-park", "parking",
                   "stray-dogs", "vandalism", "racing", "school-cigarettes",
                   "burglaries", "lighting"]  # fmt: skip
VILLAGE_PRIORITIES = ["burglaries", "speeding-school", "lighting", "gunfire",
                      "stray-dogs", "livestock-theft", "school-cigarettes"]  # fmt: skip

# Problems worked through SARA, by the priority they grew from: title,
# scanning, analysis, response actions (description, owner, partner) and
# assessment with how it was measured; (sq, sr) each.
PROBLEMS = {
    "burglaries": {
        "title": ("Vjedhjet në shtëpi {in_place}", "Provale u kuće {in_place}"),
        "scanning": (
            "Në gjashtë muajt e fundit u raportuan {n} vjedhje në shtëpi, "
            "shumica mes orës 10 dhe 15, në shtëpi pa njeri. Banorët i ngritën "
            "në takimin e KLSP-së.",
            "U poslednjih šest meseci prijavljeno je {n} provala u kuće, "
            "većinom između 10 i 15 časova, u prazne kuće. Meštani su to "
            "izneli na sastanku LKJB.",
        ),
        "analysis": (
            "Hajdutët hyjnë nga oborret e pasme, afër rrugës dalëse; shtëpitë e "
            "mërgimtarëve janë bosh shumicën e vitit dhe nuk kanë ndriçim. Një "
            "veturë e njëjtë u pa në tri raste.",
            "Provalnici ulaze kroz zadnja dvorišta, blizu izlaznog puta; kuće "
            "iseljenika su prazne veći deo godine i nisu osvetljene. Isto "
            "vozilo viđeno je u tri slučaja.",
        ),
        "actions": [
            (("Patrullime gjatë ditës në rrugët dalëse", "Polici i sektorit",
              "KLSP"),
             ("Dnevne patrole na izlaznim putevima", "Sektorski policajac",
              "LKJB")),
            (("Takim me banorët për masat mbrojtëse dhe numrin 192",
              "Polici i sektorit", "Komuna"),
             ("Sastanak sa meštanima o merama zaštite i broju 192",
              "Sektorski policajac", "Opština")),
            (("Ndriçimi i rrugëve anësore", "Drejtoria e Shërbimeve Publike",
              "Komuna"),
             ("Osvetljenje sporednih ulica", "Direkcija za javne usluge",
              "Opština")),
        ],  # fmt: skip
        "assessment": (
            "Në tre muaj pas masave u raportuan {m} vjedhje, krahasuar me {n} "
            "më parë; banorët thonë se ndihen më të sigurt.",
            "Prijavljene provale u tri meseca posle mera: {m}, u poređenju sa "
            "{n} ranije; meštani kažu da se osećaju bezbednije.",
        ),
        "measured": (
            "Rastet e raportuara në policinë e sektorit, para dhe pas; pyetje "
            "për banorët në takimin e KLSP-së.",
            "Prijavljeni slučajevi pre i posle; pitanja za meštane na sastanku "
            "LKJB.",
        ),
    },
    "speeding-school": {
        "title": ("Shpejtësia pranë shkollës {school}",
                  "Prebrza vožnja pored škole {school}"),
        "scanning": (
            "Prindërit dhe drejtori i shkollës raportuan vetura që kalojnë "
            "shpejt para shkollës; {n} aksidente të lehta në vitin e kaluar.",
            "Roditelji i direktor škole prijavili su vozila koja prolaze brzo "
            "ispred škole; {n} lakših nesreća prošle godine.",
        ),
        "analysis": (
            "Matjet me radar treguan se 4 nga 10 vetura kalojnë mbi 50 km/h në "
            "zonën 30 km/h; vija e këmbësorëve është e shlyer dhe shenjat "
            "mungojnë.",
            "Merenja radarom pokazala su da 4 od 10 vozila prolaze brže od 50 "
            "km/h u zoni od 30 km/h; pešački prelaz je izbledeo, a znakova nema.",
        ),
        "actions": [
            (("Kontrolle me radar në orët e mësimit", "Njësia e trafikut", ""),
             ("Kontrole radarom tokom nastave", "Saobraćajna jedinica", "")),
            (("Shtrat ngadalësues dhe vija e re e këmbësorëve",
              "Drejtoria e Shërbimeve Publike", "Komuna"),
             ("Usporivači i novi pešački prelaz", "Direkcija za javne usluge",
              "Opština")),
            (("Orë mësimi për sigurinë në trafik", "Polici i sektorit",
              "Shkolla"),
             ("Čas o bezbednosti u saobraćaju", "Sektorski policajac", "Škola")),
        ],  # fmt: skip
        "assessment": (
            "Pas shtretërve ngadalësues vetëm 1 në 10 vetura kalon mbi 50 km/h; "
            "asnjë aksident që nga fillimi i vitit shkollor.",
            "Posle postavljanja usporivača samo 1 od 10 vozila prolazi brže od "
            "50 km/h; nijedna nesreća od početka školske godine.",
        ),
        "measured": (
            "Matje me radar para dhe pas (një javë secila); aksidentet e "
            "regjistruara.",
            "Merenja radarom pre i posle (po nedelju dana); registrovane "
            "nesreće.",
        ),
    },
    "drugs-park": {
        "title": ("Droga {park}", "Droga {park}"),
        "scanning": (
            "Banorët raportuan {n} herë grumbullime të rinjsh dhe shiringa të "
            "hedhura; dy brenga në platformë.",
            "Meštani su {n} puta prijavili okupljanje mladih i bačene špriceve; "
            "dve prijave na platformi.",
        ),
        "analysis": (
            "Grumbullimet ndodhin pas orës 21, në pjesën e errët të parkut; "
            "shpërndarësit vijnë nga jashtë lagjes me motoçikleta.",
            "Okupljanja su posle 21 čas, u mračnom delu parka; dileri dolaze "
            "van naselja motociklima.",
        ),
        "actions": [
            (("Patrullime civile në mbrëmje", "Njësia kundër narkotikëve", ""),
             ("Civilne patrole uveče", "Jedinica za borbu protiv narkotika", "")),
            (("Ndriçimi i pjesës së errët të parkut",
              "Drejtoria e Shërbimeve Publike", "Komuna"),
             ("Osvetljenje mračnog dela parka", "Direkcija za javne usluge",
              "Opština")),
            (("Punëtori me prindërit dhe nxënësit", "Polici i sektorit",
              "Qendra për Punë Sociale"),
             ("Radionice sa roditeljima i učenicima", "Sektorski policajac",
              "Centar za socijalni rad")),
        ],  # fmt: skip
        "assessment": (
            "Dy arrestime; pas ndriçimit grumbullimet e natës pothuajse "
            "pushuan, por duhet ndjekur edhe në verë.",
            "Dva hapšenja; posle osvetljenja noćna okupljanja su gotovo "
            "prestala, ali treba pratiti i leti.",
        ),
        "measured": (
            "Thirrjet dhe brengat për parkun, muaj për muaj; vëzhgime të "
            "patrullave.",
            "Pozivi i prijave za park, mesec po mesec; zapažanja patrola.",
        ),
    },
    "night-noise": {
        "title": ("Zhurma natën {in_place}", "Buka noću {in_place}"),
        "scanning": (
            "{n} thirrje për zhurmë pas mesnate në tre muaj, pothuajse të gjitha "
            "nga e njëjta rrugë me lokale.",
            "{n} poziva zbog buke posle ponoći za tri meseca, skoro svi iz iste "
            "ulice sa lokalima.",
        ),
        "analysis": (
            "Tre lokale punojnë pas orarit të lejuar; muzika del jashtë nga "
            "tarracat. Inspektorati komunal nuk punon natën.",
            "Tri lokala rade posle dozvoljenog vremena; muzika se čuje sa "
            "terasa. Opštinska inspekcija ne radi noću.",
        ),
        "actions": [
            (("Patrulla të përbashkëta në fundjavë", "Polici i sektorit",
              "Inspektorati komunal"),
             ("Zajedničke patrole vikendom", "Sektorski policajac",
              "Opštinska inspekcija")),
            (("Takim me pronarët e lokaleve", "Komandanti i stacionit",
              "Shoqata e biznesit"),
             ("Sastanak sa vlasnicima lokala", "Komandir stanice",
              "Udruženje privrednika")),
        ],  # fmt: skip
        "assessment": (
            "Thirrjet për zhurmë ranë nga {n} në {m} në tre muaj; një lokal u "
            "gjobit dy herë.",
            "Pozivi zbog buke pali su sa {n} na {m} za tri meseca; jedan lokal "
            "kažnjen je dva puta.",
        ),
        "measured": (
            "Thirrjet në 192 dhe brengat në platformë për rrugën, para dhe pas.",
            "Pozivi na 192 i prijave na platformi za ulicu, pre i posle.",
        ),
    },
    "stray-dogs": {
        "title": ("Qentë endacakë {in_place}", "Psi lutalice {in_place}"),
        "scanning": (
            "{n} raste kafshimi të raportuara në qendrën shëndetësore; prindërit "
            "nuk i lënë fëmijët të shkojnë vetë në shkollë.",
            "{n} ujeda prijavljeno u domu zdravlja; roditelji ne puštaju decu "
            "same u školu.",
        ),
        "analysis": (
            "Qentë mblidhen te mbeturinat e tregut; komuna nuk ka strehimore "
            "dhe ekipi veterinar vjen rrallë.",
            "Psi se okupljaju kod otpada sa pijace; opština nema prihvatilište, "
            "a veterinarska ekipa retko dolazi.",
        ),
        "actions": [
            (("Kërkesë zyrtare drejtuar komunës", "Komandanti i stacionit",
              "Komuna"),
             ("Zvanični zahtev opštini", "Komandir stanice", "Opština")),
            (("Kapja dhe vaksinimi i qenve", "Shërbimi veterinar",
              "Agjencia e Ushqimit dhe Veterinarisë"),
             ("Hvatanje i vakcinacija pasa", "Veterinarska služba",
              "Agencija za hranu i veterinu")),
        ],  # fmt: skip
        "assessment": (
            "U kapën 40 qen; kafshimet ranë nga {n} në {m}. Mbeturinat e tregut "
            "mbeten problem.",
            "Uhvaćeno je 40 pasa; ujedi su pali sa {n} na {m}. Otpad sa pijace "
            "ostaje problem.",
        ),
        "measured": (
            "Rastet e kafshimit në qendrën shëndetësore, para dhe pas.",
            "Ujedi zabeleženi u domu zdravlja, pre i posle.",
        ),
    },
    "racing": {
        "title": ("Garat me vetura natën {street}", "Noćne trke {street}"),
        "scanning": (
            "{n} thirrje nga banorët për gara natën në fundjavë; një aksident "
            "me të lënduar në verë.",
            "{n} poziva građana zbog noćnih trka vikendom; jedna nesreća sa "
            "povređenima tokom leta.",
        ),
        "analysis": (
            "Garat fillojnë pas orës 23 të shtunave, kur patrulla e trafikut "
            "është në magjistrale; rruga është e drejtë dhe pa shtrat "
            "ngadalësues.",
            "Trke počinju posle 23 časa subotom, kada je saobraćajna patrola na "
            "magistrali; put je prav i bez usporivača.",
        ),
        "actions": [
            (("Kontrolle të shpejtësisë natën e shtunë", "Njësia e trafikut", ""),
             ("Kontrole brzine subotom noću", "Saobraćajna jedinica", "")),
            (("Shtrat ngadalësues", "Drejtoria e Shërbimeve Publike", "Komuna"),
             ("Usporivači", "Direkcija za javne usluge", "Opština")),
        ],  # fmt: skip
        "assessment": (
            "Nëntë patentë shofer të marra; thirrjet ranë nga {n} në {m}.",
            "Oduzeto devet vozačkih dozvola; pozivi su pali sa {n} na {m}.",
        ),
        "measured": ("Thirrjet e banorëve, para dhe pas.",
                     "Pozivi građana, pre i posle."),  # fmt: skip
    },
}  # fmt: skip
PROBLEM_OWNERS_SECTOR = ("Polici i sektorit", "Sektorski policajac")

# Meetings.
KKSB_PLACES = ("Salla e Kuvendit Komunal, {municipality}",
               "Sala Skupštine opštine, {municipality}")  # fmt: skip
KLSP_PLACES = (
    ["Shkolla {school}, {place}", "Zyra e fshatit, {place}",
     "Shtëpia e kulturës, {place}"],
    ["Škola {school}, {place}", "Prostorije mesne zajednice, {place}",
     "Dom kulture, {place}"],
)  # fmt: skip
EVSB_PLACES = (
    ["Zyra e policisë së sektorit, {place}", "Shkolla {school}, {place}"],
    ["Kancelarija sektorske policije, {place}", "Škola {school}, {place}"],
)
ONLINE_LINK = "https://meet.jit.si/bashkesia-{slug}"

MEETING_TITLES = {
    "kksb": ("Takimi i rregullt i KKSB-së – {month} {year}",
             "Redovni sastanak OSBZ – {month} {year}"),
    "klsp": ("Takimi i KLSP-së {place} – {month} {year}",
             "Sastanak LKJB {place} – {month} {year}"),
    "evsb": ("Takimi i ekipit: {project}", "Sastanak tima: {project}"),
}  # fmt: skip
MINUTES_ITEM = ("Miratimi i procesverbalit të takimit të kaluar",
                "Usvajanje zapisnika sa prethodnog sastanka")  # fmt: skip
OTHER_ITEM = ("Të ndryshme", "Razno")
KKSB_REPORT_ITEM = ("Raporti i komandantit të stacionit për gjendjen e sigurisë",
                    "Izveštaj komandira stanice o bezbednosnoj situaciji")  # fmt: skip
KKSB_TOPICS = [
    ("Siguria në trafik rreth shkollave", "Bezbednost saobraćaja oko škola"),
    ("Ndriçimi publik në lagjet periferike", "Javna rasveta u perifernim naseljima"),
    ("Qentë endacakë: masat e komunës", "Psi lutalice: mere opštine"),
    ("Parandalimi i dhunës në familje, me Qendrën për Punë Sociale",
     "Prevencija nasilja u porodici, sa Centrom za socijalni rad"),
    ("Siguria gjatë festave të fundvitit", "Bezbednost tokom novogodišnjih praznika"),
    ("Të shtënat në ajër gjatë festave dhe dasmave",
     "Pucanje u vazduh tokom proslava i svadbi"),
    ("Droga dhe të rinjtë: fushata në shkollat e mesme",
     "Droga i mladi: kampanja u srednjim školama"),
    ("Raporti i KLSP-ve të komunës", "Izveštaj LKJB u opštini"),
    ("Parkimi i paligjshëm në qendër të qytetit",
     "Nepropisno parkiranje u centru grada"),
    ("Siguria e komuniteteve joshumicë dhe e të kthyerve",
     "Bezbednost nevećinskih zajednica i povratnika"),
    ("Mbrojtja nga zjarret gjatë verës", "Zaštita od požara tokom leta"),
    ("Vjedhjet në shtëpi gjatë dimrit", "Provale u kuće tokom zime"),
    ("Ecuria e planit vjetor të punës", "Napredak godišnjeg plana rada"),
]  # fmt: skip
KLSP_TOPICS = [
    ("Brengat e banorëve për sigurinë", "Bezbednosni problemi meštana"),
    ("Informata nga polici i sektorit", "Informacije sektorskog policajca"),
    ("Siguria e nxënësve në rrugën për në shkollë",
     "Bezbednost učenika na putu do škole"),
    ("Ndriçimi i rrugëve", "Osvetljenje ulica"),
    ("Qentë endacakë", "Psi lutalice"),
    ("Përgatitjet për festat", "Pripreme za praznike"),
    ("Vjedhjet e drurëve dhe të bagëtive", "Krađe drva i stoke"),
    ("Parkimi dhe trafiku në qendër", "Parkiranje i saobraćaj u centru"),
    ("Kërkesat drejtuar komunës", "Zahtevi upućeni opštini"),
]  # fmt: skip
EVSB_TOPICS = [
    ("Ecuria e projektit", "Tok projekta"),
    ("Aktivitetet e muajit të ardhshëm", "Aktivnosti za naredni mesec"),
    ("Bashkëpunimi me partnerët", "Saradnja sa partnerima"),
    ("Vlerësimi i rezultateve", "Ocena rezultata"),
]  # fmt: skip
CANCEL_REASONS = [
    ("Takimi u shty: nuk kishte kuorum.", "Sastanak je odložen: nije bilo kvoruma."),
    ("Takimi u shty për shkak të borës.", "Sastanak je odložen zbog snega."),
    ("Takimi u shty: salla ishte e zënë nga Kuvendi Komunal.",
     "Sastanak je odložen: salu je koristila Skupština opštine."),
]  # fmt: skip

# Counts as "label: n", which reads right for every n in both languages.
SECURITY_REPORT = (
    "Raporti i komandantit të stacionit për gjendjen e sigurisë – "
    "{station}, {month} {year}.\n\n"
    "Vepra penale: {crimes} (vjedhje: {thefts}; vjedhje të rënda në shtëpi e "
    "lokale: {burglaries}); të zbuluara: {solved} %.\n"
    "Aksidente trafiku: {accidents} (me të lënduar: {injured}; me pasoja "
    "fatale: {fatal}).\n"
    "Tiketa trafiku: {tickets}, kryesisht për tejkalim të shpejtësisë dhe "
    "parkim të paligjshëm.\n"
    "Armë zjarri pa leje të konfiskuara: {weapons}.\n"
    "Takime të zyrtarëve të sektorëve me banorët: {talks}.\n\n"
    "Gjendja e përgjithshme e sigurisë është e qetë dhe stabile.",
    "Izveštaj komandira stanice o bezbednosnoj situaciji – {station}, "
    "{month} {year}.\n\n"
    "Krivična dela: {crimes} (krađe: {thefts}; teške krađe iz kuća i lokala: "
    "{burglaries}); rasvetljeno: {solved} %.\n"
    "Saobraćajne nesreće: {accidents} (sa povređenima: {injured}; sa smrtnim "
    "ishodom: {fatal}).\n"
    "Saobraćajne kazne: {tickets}, uglavnom zbog prekoračenja brzine i "
    "nepropisnog parkiranja.\n"
    "Zaplenjeno vatreno oružje bez dozvole: {weapons}.\n"
    "Sastanci sektorskih policajaca sa građanima: {talks}.\n\n"
    "Opšta bezbednosna situacija je mirna i stabilna.",
)
# The station commander presenting the report, by gender (minutes).
REPORT_PRESENTED = {
    "male": ("Komandanti i stacionit, {name}, paraqiti raportin për gjendjen "
             "e sigurisë.",
             "Komandir stanice, {name}, podneo je izveštaj o bezbednosnoj "
             "situaciji."),
    "female": ("Komandantja e stacionit, {name}, paraqiti raportin për "
               "gjendjen e sigurisë.",
               "Komandirka stanice, {name}, podnela je izveštaj o bezbednosnoj "
               "situaciji."),
}  # fmt: skip

MINUTES = (
    "PROCESVERBAL\n{forum}\n\n"
    "Takimi i mbajtur më {date}, ora {time}, {place}.\n"
    "Të pranishëm: {members} anëtarë; qytetarë: {citizens}.\n\n"
    "Rendi i ditës:\n{agenda}\n\n"
    "Diskutimi:\n{discussion}\n\n"
    "Rekomandimet:\n{recommendations}\n\n"
    "Takimi përfundoi në ora {end}.",
    "ZAPISNIK\n{forum}\n\n"
    "Sastanak održan {date} u {time} č., {place}.\n"
    "Prisutni: {members} članova; građana: {citizens}.\n\n"
    "Dnevni red:\n{agenda}\n\n"
    "Tok sastanka:\n{discussion}\n\n"
    "Preporuke:\n{recommendations}\n\n"
    "Sastanak je završen u {end} č.",
)
DISCUSSION = [
    ("Anëtarët diskutuan brengat e paraqitura nga banorët dhe kërkuan që "
     "policia të jetë më e pranishme në orët e mbrëmjes.",
     "Članovi su razmotrili probleme koje su izneli građani i zatražili veće "
     "prisustvo policije u večernjim satima."),
    ("Përfaqësuesi i policisë informoi për rastet e periudhës dhe për masat e "
     "marra.",
     "Predstavnik policije informisao je o slučajevima u periodu i preduzetim "
     "merama."),
    ("Përfaqësuesi i komunës premtoi se kërkesat do t'u përcillen drejtorive "
     "përkatëse brenda javës.",
     "Predstavnik opštine obećao je da će zahtevi biti prosleđeni nadležnim "
     "direkcijama u roku od nedelju dana."),
    ("Qytetarët e pranishëm ngritën çështjen e trafikut pranë shkollës.",
     "Prisutni građani pokrenuli su pitanje saobraćaja pored škole."),
    ("U shqyrtua ecuria e detyrave të caktuara në takimin e kaluar.",
     "Razmotren je napredak zadataka dogovorenih na prethodnom sastanku."),
    ("Një përfaqësuese e grave kërkoi më shumë ndriçim në rrugët anësore.",
     "Predstavnica žena zatražila je bolju rasvetu u sporednim ulicama."),
]  # fmt: skip
# Recommendations and the action item each leads to: text (sq, sr), owner
# (sq, sr).
RECOMMENDATIONS = [
    (("Të vendosen shenja trafiku dhe shtrat ngadalësues pranë shkollave.",
      "Postaviti saobraćajne znakove i usporivače pored škola."),
     ("Drejtoria e Shërbimeve Publike", "Direkcija za javne usluge")),
    (("Policia të shtojë patrullimet në orët e mbrëmjes në qendër.",
      "Policija da pojača patrole u večernjim satima u centru."),
     ("Stacioni Policor", "Policijska stanica")),
    (("Komuna të riparojë ndriçimin publik në rrugët e identifikuara nga "
      "banorët.",
      "Opština da popravi javnu rasvetu u ulicama koje su naveli građani."),
     ("Drejtoria e Shërbimeve Publike", "Direkcija za javne usluge")),
    (("Të organizohet një takim me prindërit për sigurinë e fëmijëve në "
      "internet.",
      "Organizovati sastanak sa roditeljima o bezbednosti dece na internetu."),
     ("Drejtoria e Arsimit", "Direkcija za obrazovanje")),
    (("Të mblidhen qentë endacakë rreth tregut dhe shkollave.",
      "Ukloniti pse lutalice oko pijace i škola."),
     ("Drejtoria e Bujqësisë", "Direkcija za poljoprivredu")),
    (("Fushatë informuese kundër të shtënave në ajër gjatë festave.",
      "Informativna kampanja protiv pucanja u vazduh tokom praznika."),
     ("Stacioni Policor dhe bashkësitë fetare",
      "Policijska stanica i verske zajednice")),
    (("Qendra për Punë Sociale dhe policia të koordinojnë rastet e dhunës në "
      "familje.",
      "Centar za socijalni rad i policija da koordiniraju slučajeve nasilja u "
      "porodici."),
     ("Qendra për Punë Sociale", "Centar za socijalni rad")),
    (("Të pastrohen shkurret dhe të ndriçohet parku.",
      "Očistiti rastinje i osvetliti park."),
     ("Drejtoria e Shërbimeve Publike", "Direkcija za javne usluge")),
    (("Të shënohen vendet e parkimit dhe të gjobitet parkimi në trotuare.",
      "Obeležiti parking mesta i kažnjavati parkiranje na trotoarima."),
     ("Inspektorati komunal", "Opštinska inspekcija")),
    (("Polici i sektorit të takojë banorët çdo muaj në zyrën e fshatit.",
      "Sektorski policajac da se sastaje sa meštanima svakog meseca u "
      "prostorijama mesne zajednice."),
     ("Polici i sektorit", "Sektorski policajac")),
    (("Të ftohen të rinjtë e lagjes në takimin e ardhshëm.",
      "Pozvati mlade iz naselja na sledeći sastanak."),
     ("Sekretari i forumit", "Sekretar foruma")),
]  # fmt: skip
UPDATES = {
    "in_progress": ("Puna ka filluar; u bë vlerësimi në terren.",
                    "Radovi su počeli; obavljena je procena na terenu."),
    "done": ("U krye. Banorët u njoftuan në takimin e radhës.",
             "Završeno. Građani su obavešteni na sledećem sastanku."),
    "open": ("Pritet buxheti i komunës; çështja u ngrit sërish.",
             "Čeka se budžet opštine; pitanje je ponovo pokrenuto."),
    "dropped": ("U hoq: çështjen e mori përsipër KKSB-ja.",
                "Odustalo se: pitanje je preuzeo OSBZ."),
}  # fmt: skip
WORK_PLAN_ITEMS = [
    (("Takime të rregullta mujore me raportin e komandantit të stacionit",
      "Redovni mesečni sastanci sa izveštajem komandira stanice"),
     ("Kryesuesi i këshillit", "Predsedavajući saveta"), 12),
    (("Fushatë për sigurinë në trafik para fillimit të vitit shkollor",
      "Kampanja o bezbednosti saobraćaja pred početak školske godine"),
     ("Stacioni Policor dhe Drejtoria e Arsimit",
      "Policijska stanica i Direkcija za obrazovanje"), 9),
    (("Dy tryeza me komunitetet joshumicë për sigurinë e tyre",
      "Dva okrugla stola sa nevećinskim zajednicama o njihovoj bezbednosti"),
     ("Zyra Komunale për Komunitete dhe Kthim",
      "Opštinska kancelarija za zajednice i povratak"), 6),
    (("Vlerësimi i ndriçimit publik në lagjet dhe fshatrat me brenga",
      "Procena javne rasvete u naseljima i selima sa prijavljenim problemima"),
     ("Drejtoria e Shërbimeve Publike", "Direkcija za javne usluge"), 5),
    (("Trajnim për anëtarët e KLSP-ve me Akademinë e Kosovës për Siguri Publike",
      "Obuka članova LKJB sa Kosovskom akademijom za javnu bezbednost"),
     ("Sekretari i këshillit", "Sekretar saveta"), 4),
    (("Fushatë kundër të shtënave në ajër gjatë festave të fundvitit",
      "Kampanja protiv pucanja u vazduh tokom novogodišnjih praznika"),
     ("Stacioni Policor", "Policijska stanica"), 12),
    (("Punëtori për parandalimin e dhunës në familje",
      "Radionica o prevenciji nasilja u porodici"),
     ("Qendra për Punë Sociale", "Centar za socijalni rad"), 11),
    (("Harta e pikave të rrezikshme në trafik, me propozime për komunën",
      "Mapa opasnih tačaka u saobraćaju, sa predlozima opštini"),
     ("Stacioni Policor", "Policijska stanica"), 7),
    (("Raporti vjetor i këshillit për Kuvendin Komunal",
      "Godišnji izveštaj saveta Skupštini opštine"),
     ("Kryesuesi i këshillit", "Predsedavajući saveta"), 12),
]  # fmt: skip

# The public calendar's community events.
MEET_OFFICERS = (
    ("Takoni policët e sektorit tuaj – {sector}",
     "Upoznajte policajce svog sektora – {sector}"),
    ("Zyrtarët e sektorit {code} ju presin për të folur për sigurinë në "
     "lagje dhe në fshat. Sillni pyetjet dhe brengat tuaja. Për emergjenca "
     "thirrni gjithmonë 192.",
     "Policajci sektora {code} čekaju vas da razgovarate o bezbednosti u "
     "naselju i selu. Ponesite pitanja i probleme. Za hitne slučajeve uvek "
     "zovite 192."),
)  # fmt: skip
EVENT_PLACES = (
    ["Shkolla {school}, {place}", "Shtëpia e kulturës, {place}",
     "Zyra e fshatit, {place}", "Sheshi qendror, {place}"],
    ["Škola {school}, {place}", "Dom kulture, {place}",
     "Prostorije mesne zajednice, {place}", "Centralni trg, {place}"],
)  # fmt: skip
SCHOOL_VISITS = [
    (("Vizitë në shkollën {school}: siguria në trafik",
      "Poseta školi {school}: bezbednost u saobraćaju"),
     ("Policët e sektorit u flasin nxënësve të klasave 1–5 për kalimin e "
      "rrugës dhe rripin e sigurimit.",
      "Sektorski policajci razgovaraju sa učenicima od 1. do 5. razreda o "
      "prelasku ulice i pojasu.")),
    (("Vizitë në shkollën {school}: siguria në internet",
      "Poseta školi {school}: bezbednost na internetu"),
     ("Bisedë me nxënësit e klasave 6–9 për ngacmimin dhe mashtrimet në "
      "internet; prindërit janë të mirëpritur.",
      "Razgovor sa učenicima od 6. do 9. razreda o uznemiravanju i prevarama "
      "na internetu; roditelji su dobrodošli.")),
    (("Vizitë në shkollën {school}: jo dhunës mes bashkëmoshatarëve",
      "Poseta školi {school}: ne nasilju među vršnjacima"),
     ("Punëtori për bullizmin me psikologen e shkollës dhe policin e sektorit.",
      "Radionica o vršnjačkom nasilju sa školskim psihologom i sektorskim "
      "policajcem.")),
]  # fmt: skip
CAMPAIGNS = [
    (("Java e sigurisë në trafik", "Nedelja bezbednosti saobraćaja"),
     ("Kontrolle dhe biseda me shoferët në hyrje të qytetit; fletëpalosje për "
      "shpejtësinë dhe rripin e sigurimit.",
      "Kontrole i razgovori sa vozačima na ulazu u grad; leci o brzini i "
      "pojasu.")),
    (("16 ditë aktivizëm kundër dhunës ndaj grave",
      "16 dana aktivizma protiv nasilja nad ženama"),
     ("Takim publik me Qendrën për Punë Sociale dhe organizatat e grave: ku "
      "kërkohet ndihmë dhe si raportohet dhuna.",
      "Javni skup sa Centrom za socijalni rad i ženskim organizacijama: gde "
      "potražiti pomoć i kako prijaviti nasilje.")),
    (("Festa pa të shtëna", "Praznici bez pucnjave"),
     ("Fushatë para festave të fundvitit: armët nuk janë për festim. "
      "Dorëzojini vullnetarisht në stacion.",
      "Kampanja pred novogodišnje praznike: oružje nije za slavlje. Predajte "
      "ga dobrovoljno u stanici.")),
    (("Dita e dyerve të hapura në stacionin policor",
      "Dan otvorenih vrata u policijskoj stanici"),
     ("Qytetarët vizitojnë stacionin dhe takojnë komandantin dhe policët e "
      "sektorëve.",
      "Građani posećuju stanicu i upoznaju komandira i sektorske "
      "policajce.")),
]  # fmt: skip
