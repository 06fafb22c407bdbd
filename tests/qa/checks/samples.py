"""Entries and helpers shared by the tests of the QA checks (:mod:`l10n.qa.checks`).

The rule these tests guard most is "false alarms are rare": besides the true
positives, every check sees correct professional translations that it must
leave alone, among them the whole Kursk article in sq, uk and ru (``ARTICLE``).
"""

from __future__ import annotations

from types import SimpleNamespace

from conftest import REPO

from l10n.qa.base import CheckContext, Severity, Unit
from l10n.qa.checks.spelling import read_word_list
from l10n.qa.registry import all_checks
from l10n.qa.runner import run_checks

QA_CHECKS = {
    "numbers": Severity.ERROR,
    "extra-numbers": Severity.WARNING,
    "language": Severity.ERROR,
    "untranslated": Severity.ERROR,
    "punctuation": Severity.ERROR,
    "whitespace": Severity.ERROR,
    "spacing": Severity.WARNING,
    "quotes": Severity.ERROR,
    "length": Severity.WARNING,
    "placeholders": Severity.ERROR,
    "blank": Severity.ERROR,
    "brackets": Severity.ERROR,
    "bracket-count": Severity.WARNING,
    "links": Severity.ERROR,
    "units": Severity.ERROR,
    "doubled-words": Severity.ERROR,
    "foreign-words": Severity.ERROR,
    "start-capital": Severity.ERROR,
    "spelling": Severity.WARNING,
}

REGISTERED = all_checks()

# The project's word list (glossary/words.txt), which `l10n check` gives the
# spelling check: the words of the shipped translations that the dictionaries
# lack.  The article below is judged with it, as the CLI judges it.
PROJECT_WORDS = read_word_list(REPO / "glossary")


def qa_checks():
    return [REGISTERED[name] for name in QA_CHECKS]


def find(lang, msgid, msgstr, *, units=None, glossary=None, flags=(), words=PROJECT_WORDS):
    """(check name, problem) for every problem the QA checks find in one entry."""
    unit = Unit(msgid, msgstr, tuple(flags))
    units = units if units is not None else [unit]
    ctx = CheckContext(lang, glossary=glossary, units=units, words=words)
    return [(check.name, problem) for check, problem in run_checks(unit, ctx, qa_checks())]


def names(lang, msgid, msgstr, **kwargs):
    return sorted({name for name, _ in find(lang, msgid, msgstr, **kwargs)})


def only(name, lang, msgid, msgstr, **kwargs):
    """The problems of one check."""
    return [p for n, p in find(lang, msgid, msgstr, **kwargs) if n == name]


def glossary(*dnt):
    return SimpleNamespace(
        terms=[SimpleNamespace(en=t, en_variants=(), dnt=True) for t in dnt]
        + [SimpleNamespace(en="Kursk", en_variants=("Kursk region",), dnt=False)]
    )


GLOSSARY = glossary("Bloomberg", "KosovaPress", "#SustainMediaProgramme", "GIZ", "DW Akademie")


# --- the article (msgid, uk, ru, sq), as a professional translator would write it -----

ARTICLE = [
    (
        "Kursk becomes Putin's nightmare",
        "Курськ стає кошмаром Путіна",
        "Курск становится кошмаром Путина",
        "Kursku bëhet makthi i Putinit",
    ),
    ("World", "Світ", "Мир", "Bota"),
    ("Read about: 5 min.", "Читати: 5 хв.", "Читать: 5 мин.", "Lexo: 5 min."),
    ("1 months ago", "1 місяць тому", "1 месяц назад", "1 muaj më parë"),
    ("The link was copied", "Посилання скопійовано", "Ссылка скопирована", "Lidhja u kopjua"),
    (
        "Days after Ukrainian troops unexpectedly seized part of Russia's Kursk region, "
        "President Vladimir Putin told Russian defense officials that their main goal was to "
        "repel the invasion, but six months later that has not happened.",
        "Через кілька днів після того, як українські війська несподівано захопили частину "
        "Курської області Росії, президент Володимир Путін заявив російським оборонним "
        "посадовцям, що їхнє головне завдання — відбити вторгнення, але й через пів року "
        "цього не сталося.",
        "Через несколько дней после того, как украинские войска неожиданно захватили часть "
        "Курской области России, президент Владимир Путин заявил российским военным "
        "чиновникам, что их главная задача — отразить вторжение, но и спустя полгода этого "
        "не произошло.",
        "Disa ditë pasi trupat ukrainase pushtuan papritur një pjesë të rajonit rus të "
        "Kurskut, presidenti Vladimir Putin u tha zyrtarëve rusë të mbrojtjes se qëllimi i "
        "tyre kryesor ishte zmbrapsja e pushtimit, por gjashtë muaj më vonë kjo nuk ka ndodhur.",
    ),
    (
        "The Russians announced today that the Ukrainians have launched a new offensive in Kursk.",
        "Росіяни сьогодні оголосили, що українці розпочали новий наступ у Курській області.",
        "Россияне сегодня объявили, что украинцы начали новое наступление в Курской области.",
        "Rusët njoftuan sot se ukrainasit kanë nisur një ofensivë të re në Kursk.",
    ),
    (
        "According to Russian military bloggers, Ukrainian forces attacked southeast of "
        "Sudzha, advancing towards the settlements of Fanaseyevka and Ulanok.",
        "За даними російських військових блогерів, українські сили атакували на південний "
        "схід від Суджі, просуваючись до населених пунктів Фанасєєвка та Уланок.",
        "По данным российских военных блогеров, украинские силы атаковали юго-восточнее "
        "Суджи, продвигаясь к населённым пунктам Фанасеевка и Уланок.",
        "Sipas blogerëve ushtarakë rusë, forcat ukrainase sulmuan në juglindje të Suxhës, "
        "duke përparuar drejt vendbanimeve Fanasejevka dhe Ulanok.",
    ),
    (
        "Over the six months since the start of the Ukrainian army's operation in Kursk, the "
        "total losses of the Russian army amounted to about 40 thousand people, including more "
        "than 16 thousand killed, according to the General Staff of the Armed Forces of "
        "Ukraine.",
        "За шість місяців від початку операції української армії на Курщині загальні втрати "
        "російської армії становили близько 40 тисяч осіб, зокрема понад 16 тисяч загиблих, "
        "повідомляє Генеральний штаб Збройних сил України.",
        "За шесть месяцев с начала операции украинской армии в Курской области общие потери "
        "российской армии составили около 40 тысяч человек, в том числе более 16 тысяч "
        "убитыми, сообщает Генеральный штаб Вооружённых сил Украины.",
        "Gjatë gjashtë muajve që nga fillimi i operacionit të ushtrisë ukrainase në Kursk, "
        "humbjet e përgjithshme të ushtrisë ruse arritën në rreth 40 mijë njerëz, përfshirë "
        "më shumë se 16 mijë të vrarë, sipas Shtabit të Përgjithshëm të Forcave të Armatosura "
        "të Ukrainës.",
    ),
    (
        "Russia was also forced to seek help from North Korea, which sent 12 of its soldiers "
        "to Kursk, according to Ukrinform.",
        "Росія також була змушена звернутися по допомогу до Північної Кореї, яка направила "
        "до Курської області 12 своїх солдатів, повідомляє Укрінформ.",
        "России также пришлось обратиться за помощью к Северной Корее, которая отправила в "
        "Курскую область 12 своих солдат, сообщает Укринформ.",
        "Rusia u detyrua gjithashtu të kërkonte ndihmë nga Koreja e Veriut, e cila dërgoi në "
        "Kursk 12 nga ushtarët e saj, sipas Ukrinform.",
    ),
    (
        '"The total losses of the North Korean contingent amounted to about 4000 people. Of '
        "the three nominal North Korean brigades, one was completely destroyed, while the "
        "other two lost their combat capability. As a result, the North Korean units withdrew "
        'from the battlefield," the statement said.',
        "«Загальні втрати північнокорейського контингенту становили близько 4000 осіб. "
        "З трьох номінальних північнокорейських бригад одну було повністю знищено, а дві "
        "інші втратили боєздатність. У результаті північнокорейські підрозділи відійшли "
        "з поля бою», — йдеться в заяві.",
        "«Общие потери северокорейского контингента составили около 4000 человек. Из трёх "
        "номинальных северокорейских бригад одна была полностью уничтожена, а две другие "
        "утратили боеспособность. В результате северокорейские подразделения отошли с поля "
        "боя», — говорится в заявлении.",
        "“Humbjet e përgjithshme të kontingjentit të Koresë së Veriut arritën në rreth 4000 "
        "njerëz. Nga tri brigadat nominale të Koresë së Veriut, njëra u shkatërrua plotësisht, "
        "ndërsa dy të tjerat humbën aftësinë luftarake. Si rezultat, njësitë e Koresë së "
        "Veriut u tërhoqën nga fusha e betejës”, thuhet në deklaratë.",
    ),
    (
        "According to Ukrainian and Western intelligence services, North Korean soldiers have "
        "not been seen on the battlefields at Kursk for weeks.",
        "За даними української та західних розвідок, північнокорейських солдатів уже кілька "
        "тижнів не бачили на полях боїв на Курщині.",
        "По данным украинской и западных разведок, северокорейских солдат уже несколько "
        "недель не видели на полях сражений в Курской области.",
        "Sipas shërbimeve të inteligjencës ukrainase dhe perëndimore, ushtarët e Koresë së "
        "Veriut nuk janë parë në fushëbetejat e Kurskut prej javësh.",
    ),
    (
        "Putin’s failure to push Ukraine back at Kursk could gain importance as his U.S. "
        "counterpart Donald Trump tries to negotiate an end to the war.",
        "Нездатність Путіна відкинути Україну з Курщини може набути ваги, оскільки його "
        "американський колега Дональд Трамп намагається домовитися про завершення війни.",
        "Неспособность Путина отбросить Украину из Курской области может приобрести значение, "
        "поскольку его американский коллега Дональд Трамп пытается договориться об окончании "
        "войны.",
        "Dështimi i Putinit për ta shtyrë Ukrainën prapa në Kursk mund të marrë rëndësi, "
        "ndërsa homologu i tij amerikan Donald Trump përpiqet të negociojë përfundimin e "
        "luftës.",
    ),
    (
        "As Russian troops continue to advance on the battlefield in eastern Ukraine, Kiev has "
        "a bargaining chip, thanks to the breakthrough at Kursk, for a possible exchange of "
        "territory in any negotiations, Bloomberg writes.",
        "Поки російські війська продовжують наступати на полі бою на сході України, Київ "
        "завдяки прориву на Курщині має козир для можливого обміну територіями на будь-яких "
        "переговорах, пише Bloomberg.",
        "Пока российские войска продолжают наступать на поле боя на востоке Украины, у Киева "
        "благодаря прорыву в Курской области есть козырь для возможного обмена территориями "
        "на любых переговорах, пишет Bloomberg.",
        "Ndërsa trupat ruse vazhdojnë të përparojnë në fushëbetejë në Ukrainën lindore, Kievi "
        "ka një kartë pazari, falë depërtimit në Kursk, për një shkëmbim të mundshëm "
        "territoresh në çfarëdo negociatash, shkruan Bloomberg.",
    ),
    (
        "The first invasion of Russian territory by a foreign army since World War II is a "
        "personal setback for Putin, who at home cultivates an image of a strong ruler "
        "protecting the nation's interests.",
        "Перше з часів Другої світової війни вторгнення іноземної армії на територію Росії є "
        "особистою невдачею для Путіна, який у себе вдома плекає образ сильного правителя, що "
        "захищає інтереси нації.",
        "Первое со времён Второй мировой войны вторжение иностранной армии на территорию "
        "России стало личной неудачей для Путина, который у себя в стране культивирует образ "
        "сильного правителя, защищающего интересы нации.",
        "Pushtimi i parë i territorit rus nga një ushtri e huaj që nga Lufta e Dytë Botërore "
        "është një dështim personal për Putinin, i cili në vend kultivon imazhin e një "
        "sundimtari të fortë që mbron interesat e kombit.",
    ),
    (
        "The Kremlin has sought to downplay the crisis since Ukrainian forces crossed the "
        "border on August 6, 2024, and seized 1250 square kilometers of territory, including "
        "the town of Sudzha and dozens of villages.",
        "Кремль намагається применшити кризу відтоді, як 6 серпня 2024 року українські сили "
        "перетнули кордон і захопили 1250 квадратних кілометрів території, зокрема місто "
        "Суджу та десятки сіл.",
        "Кремль пытается преуменьшить масштаб кризиса с тех пор, как 6 августа 2024 года "
        "украинские силы пересекли границу и захватили 1250 квадратных километров "
        "территории, включая город Суджу и десятки сёл.",
        "Kremlini ka kërkuar ta zvogëlojë krizën që kur forcat ukrainase kaluan kufirin më "
        "6 gusht 2024 dhe pushtuan 1.250 kilometra katrorë territor, përfshirë qytetin e "
        "Suxhës dhe dhjetëra fshatra.",
    ),
    (
        "Russian troops, meanwhile, have only regained about half of that territory with the "
        "help of thousands of North Korean soldiers.",
        "Тим часом російським військам вдалося повернути лише близько половини цієї території "
        "за допомогою тисяч північнокорейських солдатів.",
        "Российским войскам тем временем удалось вернуть лишь около половины этой территории "
        "с помощью тысяч северокорейских солдат.",
        "Ndërkohë, trupat ruse kanë rimarrë vetëm rreth gjysmën e atij territori me ndihmën e "
        "mijëra ushtarëve të Koresë së Veriut.",
    ),
    (
        "Western estimates claim that about 11 North Korean soldiers were engaged at Kursk, "
        "of whom about 4 were killed or wounded.",
        "За західними оцінками, у Курській області було задіяно близько 11 "
        "північнокорейських солдатів, з яких близько 4 загинули або були поранені.",
        "По западным оценкам, в Курской области было задействовано около 11 северокорейских "
        "солдат, из которых около 4 были убиты или ранены.",
        "Vlerësimet perëndimore pohojnë se rreth 11 ushtarë të Koresë së Veriut ishin "
        "angazhuar në Kursk, nga të cilët rreth 4 u vranë ose u plagosën.",
    ),
    (
        '"In general, the effectiveness of military operations is lower than expected. The '
        "system was not particularly prepared - neither for the loss of territory nor for "
        'such a long battle," said Mikhail Vinogradov, head of the St. Petersburg Policy '
        "Foundation.",
        "«Загалом ефективність воєнних дій нижча, ніж очікувалося. Система не була особливо "
        "готова — ні до втрати території, ні до такої тривалої битви», — сказав Михайло "
        "Виноградов, голова фонду «Петербурзька політика».",
        "«В целом эффективность военных действий ниже ожидаемой. Система оказалась не "
        "особенно готова — ни к потере территории, ни к столь долгой битве», — сказал Михаил "
        "Виноградов, глава фонда «Петербургская политика».",
        "“Në përgjithësi, efektiviteti i operacioneve ushtarake është më i ulët se sa pritej. "
        "Sistemi nuk ishte veçanërisht i përgatitur – as për humbjen e territorit, as për "
        "një betejë kaq të gjatë”, tha Mikhail Vinogradov, drejtues i Fondacionit “Politika "
        "e Shën Petersburgut”.",
    ),
    (
        "The fighting is taking place in a relatively limited area of the Kursk region, a "
        "small part of the world's largest country, which spans 11 time zones.",
        "Бойові дії тривають на відносно обмеженій ділянці Курської області — невеликій "
        "частині найбільшої країни світу, що охоплює 11 часових поясів.",
        "Боевые действия идут на относительно ограниченном участке Курской области — "
        "небольшой части крупнейшей страны мира, которая охватывает 11 часовых поясов.",
        "Luftimet po zhvillohen në një zonë relativisht të kufizuar të rajonit të Kurskut, "
        "një pjesë e vogël e vendit më të madh në botë, i cili shtrihet në 11 zona kohore.",
    ),
    (
        "However, Ukraine's incursion into a region of about a million people, roughly the "
        "size of Belgium, has shocked Russians and exposed the consequences of the war that "
        "Putin started.",
        "Утім, вторгнення України в регіон із населенням близько мільйона людей, приблизно "
        "завбільшки з Бельгію, шокувало росіян і оголило наслідки війни, яку розпочав Путін.",
        "Однако вторжение Украины в регион с населением около миллиона человек, размером "
        "примерно с Бельгию, шокировало россиян и обнажило последствия войны, которую "
        "развязал Путин.",
        "Megjithatë, depërtimi i Ukrainës në një rajon me rreth një milion banorë, afërsisht "
        "sa madhësia e Belgjikës, i ka tronditur rusët dhe ka nxjerrë në pah pasojat e "
        "luftës që nisi Putin.",
    ),
    (
        '"This is a very important operation, which will be seen when we reach a diplomatic '
        'solution to the war," Ukrainian President Volodymyr Zelensky said in Kiev on '
        "Wednesday, adding that the situation in Kursk is stable and Russia will not be able "
        "to push back Ukrainian forces in the near future.",
        "«Це дуже важлива операція, і це стане видно, коли ми дійдемо до дипломатичного "
        "врегулювання війни», — заявив у середу в Києві президент України Володимир "
        "Зеленський, додавши, що ситуація на Курщині стабільна і найближчим часом Росія не "
        "зможе відтіснити українські сили.",
        "«Это очень важная операция, что станет видно, когда мы придём к дипломатическому "
        "урегулированию войны», — заявил в среду в Киеве президент Украины Владимир "
        "Зеленский, добавив, что ситуация в Курской области стабильна и в ближайшее время "
        "Россия не сможет оттеснить украинские силы.",
        "“Ky është një operacion shumë i rëndësishëm, gjë që do të duket kur të arrijmë një "
        "zgjidhje diplomatike të luftës”, tha të mërkurën në Kiev presidenti ukrainas "
        "Volodymyr Zelensky, duke shtuar se situata në Kursk është e qëndrueshme dhe Rusia "
        "nuk do të jetë në gjendje t’i shtyjë prapa forcat ukrainase në të ardhmen e afërt.",
    ),
    (
        "The Kremlin treats Kursk as a regional rather than national problem, which means "
        "there is no rush, according to Nikolai Petrov, an adviser at the London-based "
        "Chatham House think tank.",
        "Кремль розглядає Курщину як регіональну, а не загальнонаціональну проблему, а отже, "
        "поспіху немає, вважає Микола Петров, радник лондонського аналітичного центру "
        "Chatham House.",
        "Кремль рассматривает Курскую область как региональную, а не общенациональную "
        "проблему, а значит, спешить некуда, считает Николай Петров, советник лондонского "
        "аналитического центра Chatham House.",
        "Kremlini e trajton Kurskun si një problem rajonal dhe jo kombëtar, që do të thotë se "
        "nuk ka nxitim, sipas Nikolai Petrovit, këshilltar në think tank-un Chatham House me "
        "seli në Londër.",
    ),
    (
        "Zelensky said shortly after the start of the operation that the goal was to create a "
        "buffer zone to protect border communities from Russian attacks.",
        "Зеленський невдовзі після початку операції заявив, що її мета — створити буферну "
        "зону, щоб захистити прикордонні громади від російських атак.",
        "Вскоре после начала операции Зеленский заявил, что её цель — создать буферную зону "
        "для защиты приграничных населённых пунктов от российских атак.",
        "Zelensky tha pak pas fillimit të operacionit se qëllimi ishte krijimi i një zone "
        "tampon për të mbrojtur komunitetet kufitare nga sulmet ruse.",
    ),
    (
        "Ukrainian military commanders also sought to relieve pressure on the Ukrainian front "
        "by forcing Moscow to redeploy troops to defend Kursk.",
        "Українські військові командири також прагнули послабити тиск на український фронт, "
        "змусивши Москву перекинути війська на захист Курщини.",
        "Украинские военные командиры также стремились ослабить давление на украинский "
        "фронт, вынудив Москву перебросить войска на защиту Курской области.",
        "Komandantët ushtarakë ukrainas synonin gjithashtu të lehtësonin presionin mbi "
        "frontin ukrainas, duke e detyruar Moskën të rishpërndante trupa për të mbrojtur "
        "Kurskun.",
    ),
    (
        "Although the Kursk operation did not stop the Russian advance into eastern Ukraine, "
        "the Kremlin sent thousands of troops to regain control of the region.",
        "Хоча Курська операція не зупинила російський наступ на сході України, Кремль "
        "відправив тисячі військових, щоб відновити контроль над регіоном.",
        "Хотя Курская операция не остановила российское наступление на востоке Украины, "
        "Кремль направил тысячи военных, чтобы восстановить контроль над регионом.",
        "Edhe pse operacioni i Kurskut nuk e ndali përparimin rus në Ukrainën lindore, "
        "Kremlini dërgoi mijëra trupa për të rimarrë kontrollin e rajonit.",
    ),
    (
        "However, at his annual press conference in December, Putin, asked by a Kursk "
        "resident how long it would take Russia to expel Ukrainian troops, replied: "
        '"I cannot and do not want to give a specific date."',
        "Утім, на своїй щорічній пресконференції в грудні Путін на запитання мешканця "
        "Курська, скільки часу знадобиться Росії, щоб вигнати українські війська, відповів: "
        "«Я не можу і не хочу називати конкретну дату».",
        "Однако на своей ежегодной пресс-конференции в декабре Путин на вопрос жителя Курска, "
        "сколько времени потребуется России, чтобы изгнать украинские войска, ответил: "
        "«Я не могу и не хочу называть конкретную дату».",
        "Megjithatë, në konferencën e tij vjetore për shtyp në dhjetor, Putin, i pyetur nga "
        "një banor i Kurskut se sa kohë do t’i duhej Rusisë për t’i dëbuar trupat ukrainase, "
        "u përgjigj: “Nuk mundem dhe nuk dua të jap një datë të caktuar.”",
    ),
    (
        "This could weigh on Putin as Trump pressures him to begin negotiations to end the "
        "war and threatens new sanctions if he refuses.",
        "Це може обтяжити Путіна, оскільки Трамп тисне на нього, щоб той розпочав переговори "
        "про завершення війни, і погрожує новими санкціями в разі відмови.",
        "Это может осложнить положение Путина, поскольку Трамп давит на него, чтобы тот "
        "начал переговоры о прекращении войны, и угрожает новыми санкциями в случае отказа.",
        "Kjo mund të rëndojë mbi Putinin, ndërsa Trump i bën presion që të nisë negociatat "
        "për t’i dhënë fund luftës dhe kërcënon me sanksione të reja nëse ai refuzon.",
    ),
    (
        "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea, "
        "which Putin annexed in 2014.",
        "Наразі Росія контролює приблизно п’яту частину території України, зокрема Крим, "
        "який Путін анексував у 2014 році.",
        "Сейчас Россия контролирует примерно пятую часть территории Украины, включая Крым, "
        "который Путин аннексировал в 2014 году.",
        "Rusia aktualisht kontrollon afërsisht një të pestën e territorit ukrainas, përfshirë "
        "Krimenë, të cilën Putin e aneksoi në vitin 2014.",
    ),
    (
        "This website is maintained and managed by KosovaPress News Agency.",
        "Цей вебсайт підтримує та адмініструє інформаційна агенція KosovaPress.",
        "Этот сайт поддерживается и управляется информационным агентством KosovaPress.",
        "Kjo faqe interneti mirëmbahet dhe menaxhohet nga Agjencia e Lajmeve KosovaPress.",
    ),
    (
        "KosovaPress holds the reserved copyright rights according to the legal provisions "
        "on copyright and intellectual property.",
        "KosovaPress володіє авторськими правами відповідно до законодавчих положень про "
        "авторське право та інтелектуальну власність.",
        "KosovaPress обладает авторскими правами в соответствии с положениями "
        "законодательства об авторском праве и интеллектуальной собственности.",
        "KosovaPress i mban të drejtat e rezervuara të autorit sipas dispozitave ligjore për "
        "të drejtën e autorit dhe pronën intelektuale.",
    ),
    (
        "Use, modification and distribution for commercial purposes without agreement with "
        "KosovaPress is strictly prohibited.",
        "Використання, змінення та поширення в комерційних цілях без згоди KosovaPress "
        "суворо заборонено.",
        "Использование, изменение и распространение в коммерческих целях без согласия "
        "KosovaPress строго запрещено.",
        "Përdorimi, modifikimi dhe shpërndarja për qëllime komerciale pa marrëveshje me "
        "KosovaPress janë rreptësisht të ndaluara.",
    ),
    (
        "This website application is developed with the support of #SustainMediaProgramme, "
        "co-financed by the European Union and the German Government, the part implemented "
        "by GIZ, DW Akademie and Internews.",
        "Цей вебзастосунок розроблено за підтримки #SustainMediaProgramme, що "
        "співфінансується Європейським Союзом і урядом Німеччини, у частині, яку реалізують "
        "GIZ, DW Akademie та Internews.",
        "Это веб-приложение разработано при поддержке #SustainMediaProgramme, "
        "софинансируемой Европейским союзом и правительством Германии, в части, реализуемой "
        "GIZ, DW Akademie и Internews.",
        "Ky aplikacion i faqes së internetit është zhvilluar me mbështetjen e "
        "#SustainMediaProgramme, të bashkëfinancuar nga Bashkimi Evropian dhe Qeveria "
        "gjermane, pjesa e zbatuar nga GIZ, DW Akademie dhe Internews.",
    ),
    (
        "Its content is the sole responsibility of KosovaPress and does not necessarily "
        "reflect the views of the EU or the German Government.",
        "За його зміст відповідає виключно KosovaPress, і він не обов’язково відображає "
        "погляди ЄС або уряду Німеччини.",
        "Ответственность за его содержание несёт исключительно KosovaPress, и оно не "
        "обязательно отражает позицию ЕС или правительства Германии.",
        "Përmbajtja e tij është përgjegjësi e vetme e KosovaPress dhe nuk pasqyron "
        "domosdoshmërisht pikëpamjet e BE-së ose të Qeverisë gjermane.",
    ),
    (
        "All rights reserved by APL KosovaPress © 2002-2025",
        "Усі права належать APL KosovaPress © 2002–2025",
        "Все права принадлежат APL KosovaPress © 2002–2025",
        "Të gjitha të drejtat të rezervuara nga APL KosovaPress © 2002–2025",
    ),
]


LANGS = ("uk", "ru", "sq")


# One sentence of the article in English, Ukrainian and Russian.
RU_SENTENCE = "Россияне сегодня объявили, что украинцы начали новое наступление в Курской области."
UK_SENTENCE = "Росіяни сьогодні оголосили, що українці розпочали новий наступ у Курській області."
EN_SOURCE = (
    "The Russians announced today that the Ukrainians have launched a new offensive in Kursk."
)
