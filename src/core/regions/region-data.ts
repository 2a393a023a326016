/**
 * Federal subjects as Russia counts them (89): code | federal district | Russian name | English name |
 * capital (ru) | capital (en) | other names, abbreviations and big cities, separated by ";".
 * The six occupied Ukrainian entries carry their ISO 3166-2:UA codes (see docs/regions.md).
 */
export const SUBJECT_TABLE = `
RU-AD|southern|Республика Адыгея|Republic of Adygea|Майкоп|Maykop|Адыгея;Adygea;Adygeya;Adygeia
RU-AL|siberian|Республика Алтай|Altai Republic|Горно-Алтайск|Gorno-Altaysk|Горный Алтай;Altai Republic;Altay Republic;Republic of Altai;Gorno-Altaisk
RU-BA|volga|Республика Башкортостан|Republic of Bashkortostan|Уфа|Ufa|Башкортостан;Башкирия;РБ Башкортостан;Bashkortostan;Bashkiria;Стерлитамак;Салават;Нефтекамск;Октябрьский;Sterlitamak
RU-BU|far_eastern|Республика Бурятия|Republic of Buryatia|Улан-Удэ|Ulan-Ude|Бурятия;Buryatia;Buryatiya
RU-CE|north_caucasian|Чеченская Республика|Chechen Republic|Грозный|Grozny|Чечня;Чечения;ЧР Чечня;Chechnya;Chechen;Гудермес;Аргун;Урус-Мартан;Шали
RU-CU|volga|Чувашская Республика|Chuvash Republic|Чебоксары|Cheboksary|Чувашия;Chuvashia;Chuvashiya;Новочебоксарск;Канаш
RU-DA|north_caucasian|Республика Дагестан|Republic of Dagestan|Махачкала|Makhachkala|Дагестан;Dagestan;Daghestan;Хасавюрт;Дербент;Каспийск;Буйнакск;Кизляр;Избербаш
RU-IN|north_caucasian|Республика Ингушетия|Republic of Ingushetia|Магас|Magas|Ингушетия;Ingushetia;Назрань;Nazran;Малгобек;Сунжа
RU-KB|north_caucasian|Кабардино-Балкарская Республика|Kabardino-Balkar Republic|Нальчик|Nalchik|Кабардино-Балкария;КБР;Kabardino-Balkaria;KBR;Прохладный;Баксан
RU-KL|southern|Республика Калмыкия|Republic of Kalmykia|Элиста|Elista|Калмыкия;Kalmykia
RU-KC|north_caucasian|Карачаево-Черкесская Республика|Karachay-Cherkess Republic|Черкесск|Cherkessk|Карачаево-Черкесия;КЧР;Karachay-Cherkessia;Karachayevo-Cherkessia;KChR
RU-KR|northwestern|Республика Карелия|Republic of Karelia|Петрозаводск|Petrozavodsk|Карелия;Karelia;Кондопога;Сегежа
RU-KK|siberian|Республика Хакасия|Republic of Khakassia|Абакан|Abakan|Хакасия;Khakassia;Khakasia;Саяногорск;Черногорск
RU-KO|northwestern|Республика Коми|Komi Republic|Сыктывкар|Syktyvkar|Коми;Komi;Ухта;Воркута;Печора;Усинск
RU-ME|volga|Республика Марий Эл|Mari El Republic|Йошкар-Ола|Yoshkar-Ola|Марий Эл;Марийская республика;Mari El;Mari-El
RU-MO|volga|Республика Мордовия|Republic of Mordovia|Саранск|Saransk|Мордовия;Mordovia;Рузаевка
RU-SA|far_eastern|Республика Саха (Якутия)|Sakha Republic (Yakutia)|Якутск|Yakutsk|Якутия;Саха;Республика Саха;Sakha;Yakutia;Sakha Republic;Нерюнгри;Мирный
RU-SE|north_caucasian|Республика Северная Осетия — Алания|Republic of North Ossetia–Alania|Владикавказ|Vladikavkaz|Северная Осетия;РСО-Алания;РСО Алания;Северная Осетия-Алания;Алания;North Ossetia;North Ossetia-Alania;Моздок;Беслан
RU-TA|volga|Республика Татарстан|Republic of Tatarstan|Казань|Kazan|Татарстан;Татария;РТ Татарстан;Tatarstan;Набережные Челны;Челны;Нижнекамск;Альметьевск;Зеленодольск;Елабуга;Бугульма;Naberezhnye Chelny
RU-TY|siberian|Республика Тыва|Tuva Republic|Кызыл|Kyzyl|Тыва;Тува;Tuva;Tyva
RU-UD|volga|Удмуртская Республика|Udmurt Republic|Ижевск|Izhevsk|Удмуртия;Udmurtia;Сарапул;Воткинск;Глазов
RU-ALT|siberian|Алтайский край|Altai Krai|Барнаул|Barnaul|Altai Krai;Altay Krai;Altai Kray;Altay Kray;Altai Territory;Бийск;Рубцовск;Новоалтайск;Biysk
RU-KAM|far_eastern|Камчатский край|Kamchatka Krai|Петропавловск-Камчатский|Petropavlovsk-Kamchatsky|Камчатка;Kamchatka;Елизово
RU-KHA|far_eastern|Хабаровский край|Khabarovsk Krai|Хабаровск|Khabarovsk|Комсомольск-на-Амуре;Komsomolsk-on-Amur
RU-KDA|southern|Краснодарский край|Krasnodar Krai|Краснодар|Krasnodar|Кубань;Kuban;Сочи;Sochi;Новороссийск;Novorossiysk;Армавир;Анапа;Геленджик;Ейск;Туапсе;Кропоткин;Славянск-на-Кубани;Тихорецк;Крымск
RU-KYA|siberian|Красноярский край|Krasnoyarsk Krai|Красноярск|Krasnoyarsk|Норильск;Norilsk;Ачинск;Канск;Железногорск Красноярский
RU-PER|volga|Пермский край|Perm Krai|Пермь|Perm|Прикамье;Березники;Соликамск;Чайковский
RU-PRI|far_eastern|Приморский край|Primorsky Krai|Владивосток|Vladivostok|Приморье;Primorye;Уссурийск;Находка;Артём;Ussuriysk;Nakhodka
RU-STA|north_caucasian|Ставропольский край|Stavropol Krai|Ставрополь|Stavropol|Ставрополье;Пятигорск;Кисловодск;Невинномысск;Ессентуки;Минеральные Воды;Pyatigorsk
RU-ZAB|far_eastern|Забайкальский край|Zabaykalsky Krai|Чита|Chita|Забайкалье;Zabaikalsky Krai;Zabaykalye;Transbaikal;Краснокаменск
RU-AMU|far_eastern|Амурская область|Amur Oblast|Благовещенск|Blagoveshchensk|Приамурье;Amur;Белогорск;Свободный
RU-ARK|northwestern|Архангельская область|Arkhangelsk Oblast|Архангельск|Arkhangelsk|Поморье;Archangelsk;Северодвинск;Severodvinsk;Котлас
RU-AST|southern|Астраханская область|Astrakhan Oblast|Астрахань|Astrakhan|
RU-BEL|central|Белгородская область|Belgorod Oblast|Белгород|Belgorod|Белгородчина;Старый Оскол;Stary Oskol;Губкин;Шебекино;Валуйки
RU-BRY|central|Брянская область|Bryansk Oblast|Брянск|Bryansk|Брянщина;Клинцы
RU-CHE|ural|Челябинская область|Chelyabinsk Oblast|Челябинск|Chelyabinsk|Южный Урал;Магнитогорск;Magnitogorsk;Златоуст;Миасс;Копейск;Троицк
RU-IRK|siberian|Иркутская область|Irkutsk Oblast|Иркутск|Irkutsk|Приангарье;Братск;Bratsk;Ангарск;Angarsk;Усолье-Сибирское;Усть-Илимск
RU-IVA|central|Ивановская область|Ivanovo Oblast|Иваново|Ivanovo|Кинешма;Шуя
RU-KGD|northwestern|Калининградская область|Kaliningrad Oblast|Калининград|Kaliningrad|Советск;Черняховск
RU-KLU|central|Калужская область|Kaluga Oblast|Калуга|Kaluga|Обнинск;Obninsk
RU-KEM|siberian|Кемеровская область — Кузбасс|Kemerovo Oblast — Kuzbass|Кемерово|Kemerovo|Кемеровская область;Кузбасс;Kuzbass;Kemerovo Oblast;Новокузнецк;Novokuznetsk;Прокопьевск;Белово;Междуреченск;Ленинск-Кузнецкий
RU-KIR|volga|Кировская область|Kirov Oblast|Киров|Kirov|Вятка;Кирово-Чепецк
RU-KOS|central|Костромская область|Kostroma Oblast|Кострома|Kostroma|
RU-KGN|ural|Курганская область|Kurgan Oblast|Курган|Kurgan|Шадринск
RU-KRS|central|Курская область|Kursk Oblast|Курск|Kursk|Железногорск;Курчатов;Суджа
RU-LEN|northwestern|Ленинградская область|Leningrad Oblast|Гатчина|Gatchina|Ленобласть;Ленинградская обл;Выборг;Vyborg;Всеволожск;Сосновый Бор;Тихвин;Кириши;Кингисепп;Мурино
RU-LIP|central|Липецкая область|Lipetsk Oblast|Липецк|Lipetsk|Елец
RU-MAG|far_eastern|Магаданская область|Magadan Oblast|Магадан|Magadan|Колыма
RU-MOS|central|Московская область|Moscow Oblast|Красногорск|Krasnogorsk|Подмосковье;МО;Мособласть;Московская обл;Moscow Region;Moskovskaya oblast;Балашиха;Подольск;Химки;Мытищи;Королёв;Люберцы;Электросталь;Коломна;Одинцово;Серпухов;Щёлково;Домодедово;Раменское;Орехово-Зуево;Сергиев Посад;Ногинск;Долгопрудный;Пушкино;Реутов;Жуковский;Клин;Дмитров;Чехов;Воскресенск;Наро-Фоминск;Егорьевск;Podolsk;Balashikha;Khimki
RU-MUR|northwestern|Мурманская область|Murmansk Oblast|Мурманск|Murmansk|Кольский полуостров;Североморск;Апатиты;Мончегорск
RU-NIZ|volga|Нижегородская область|Nizhny Novgorod Oblast|Нижний Новгород|Nizhny Novgorod|Нижний;Нижегородчина;Nizhniy Novgorod;Дзержинск;Арзамас;Саров;Выкса;Кстово
RU-NGR|northwestern|Новгородская область|Novgorod Oblast|Великий Новгород|Veliky Novgorod|Новгород;Novgorod;Боровичи;Старая Русса
RU-NVS|siberian|Новосибирская область|Novosibirsk Oblast|Новосибирск|Novosibirsk|Новосиб;Бердск;Искитим
RU-OMS|siberian|Омская область|Omsk Oblast|Омск|Omsk|
RU-ORE|volga|Оренбургская область|Orenburg Oblast|Оренбург|Orenburg|Оренбуржье;Орск;Orsk;Новотроицк;Бузулук
RU-ORL|central|Орловская область|Oryol Oblast|Орёл|Oryol|Orel;Orlovskaya oblast;Ливны
RU-PNZ|volga|Пензенская область|Penza Oblast|Пенза|Penza|Кузнецк
RU-PSK|northwestern|Псковская область|Pskov Oblast|Псков|Pskov|Великие Луки
RU-ROS|southern|Ростовская область|Rostov Oblast|Ростов-на-Дону|Rostov-on-Don|Ростов;Дон;Rostov;Таганрог;Taganrog;Шахты;Волгодонск;Новочеркасск;Батайск;Новошахтинск;Каменск-Шахтинский;Азов;Сальск;Миллерово
RU-RYA|central|Рязанская область|Ryazan Oblast|Рязань|Ryazan|Касимов
RU-SAK|far_eastern|Сахалинская область|Sakhalin Oblast|Южно-Сахалинск|Yuzhno-Sakhalinsk|Сахалин;Sakhalin;Курилы;Kuril Islands
RU-SAM|volga|Самарская область|Samara Oblast|Самара|Samara|Тольятти;Togliatti;Tolyatti;Сызрань;Syzran;Новокуйбышевск;Чапаевск
RU-SAR|volga|Саратовская область|Saratov Oblast|Саратов|Saratov|Энгельс;Engels;Балаково;Вольск;Балашов
RU-SMO|central|Смоленская область|Smolensk Oblast|Смоленск|Smolensk|Смоленщина;Вязьма;Рославль
RU-SVE|ural|Свердловская область|Sverdlovsk Oblast|Екатеринбург|Yekaterinburg|Средний Урал;Свердловск;Ekaterinburg;Yekaterinburg;Нижний Тагил;Nizhny Tagil;Каменск-Уральский;Первоуральск;Серов;Новоуральск;Асбест;Верхняя Пышма
RU-TAM|central|Тамбовская область|Tambov Oblast|Тамбов|Tambov|Мичуринск
RU-TOM|siberian|Томская область|Tomsk Oblast|Томск|Tomsk|Северск
RU-TUL|central|Тульская область|Tula Oblast|Тула|Tula|Новомосковск;Узловая
RU-TVE|central|Тверская область|Tver Oblast|Тверь|Tver|Ржев;Вышний Волочёк;Кимры;Конаково
RU-TYU|ural|Тюменская область|Tyumen Oblast|Тюмень|Tyumen|Тобольск;Tobolsk;Ишим
RU-ULY|volga|Ульяновская область|Ulyanovsk Oblast|Ульяновск|Ulyanovsk|Симбирск;Димитровград
RU-VLA|central|Владимирская область|Vladimir Oblast|Владимир|Vladimir|Ковров;Kovrov;Муром;Александров;Гусь-Хрустальный
RU-VGG|southern|Волгоградская область|Volgograd Oblast|Волгоград|Volgograd|Волжский;Volzhsky;Камышин;Михайловка;Урюпинск
RU-VLG|northwestern|Вологодская область|Vologda Oblast|Вологда|Vologda|Вологодчина;Череповец;Cherepovets
RU-VOR|central|Воронежская область|Voronezh Oblast|Воронеж|Voronezh|Борисоглебск;Россошь;Лиски
RU-YAR|central|Ярославская область|Yaroslavl Oblast|Ярославль|Yaroslavl|Рыбинск;Rybinsk;Переславль-Залесский;Ростов Великий
RU-MOW|central|Москва|Moscow|Москва|Moscow|Moskva;Мск;г. Москва;Зеленоград;Троицк Москва
RU-SPE|northwestern|Санкт-Петербург|Saint Petersburg|Санкт-Петербург|Saint Petersburg|Петербург;Питер;СПб;СПБ;Ленинград;St. Petersburg;St Petersburg;Sankt-Peterburg;Petersburg;Кронштадт;Колпино;Пушкин;Петергоф
RU-YEV|far_eastern|Еврейская автономная область|Jewish Autonomous Oblast|Биробиджан|Birobidzhan|ЕАО;Еврейская АО;Jewish AO;JAO
RU-CHU|far_eastern|Чукотский автономный округ|Chukotka Autonomous Okrug|Анадырь|Anadyr|Чукотка;ЧАО;Chukotka;Билибино
RU-KHM|ural|Ханты-Мансийский автономный округ — Югра|Khanty-Mansi Autonomous Okrug — Yugra|Ханты-Мансийск|Khanty-Mansiysk|ХМАО;ХМАО-Югра;ХМАО Югра;Югра;Ханты-Мансийский АО;Ханты-Мансийский автономный округ;KhMAO;Yugra;Khanty-Mansi;Сургут;Surgut;Нижневартовск;Nizhnevartovsk;Нефтеюганск;Когалым;Нягань;Мегион;Ханты-Мансийский округ
RU-NEN|northwestern|Ненецкий автономный округ|Nenets Autonomous Okrug|Нарьян-Мар|Naryan-Mar|НАО;Ненецкий АО;Nenets;NAO
RU-YAN|ural|Ямало-Ненецкий автономный округ|Yamalo-Nenets Autonomous Okrug|Салехард|Salekhard|ЯНАО;Ямал;Ямало-Ненецкий АО;YaNAO;Yamal;Yamalo-Nenets;Новый Уренгой;Novy Urengoy;Ноябрьск;Надым;Муравленко
UA-43|occupied|Автономная Республика Крым / «Республика Крым»|Autonomous Republic of Crimea / "Republic of Crimea"|Симферополь|Simferopol|Крым;Республика Крым;АР Крым;Crimea;Republic of Crimea;Автономная Республика Крым;Керчь;Kerch;Евпатория;Ялта;Yalta;Феодосия;Джанкой;Алушта;Бахчисарай;Саки
UA-40|occupied|Севастополь|Sevastopol|Севастополь|Sevastopol|г. Севастополь;Sebastopol;Балаклава
UA-14|occupied|Донецкая область / «ДНР»|Donetsk Oblast / "DPR"|Донецк|Donetsk|ДНР;Донецкая Народная Республика;DPR;DNR;Donetsk People's Republic;Мариуполь;Mariupol;Макеевка;Горловка;Енакиево;Харцызск;Шахтёрск;Торез;Снежное;Дебальцево;Амвросиевка;Волноваха;Докучаевск;Ясиноватая;Новоазовск;Донбасс
UA-09|occupied|Луганская область / «ЛНР»|Luhansk Oblast / "LPR"|Луганск|Luhansk|ЛНР;Луганская Народная Республика;LPR;LNR;Luhansk People's Republic;Lugansk;Алчевск;Северодонецк;Лисичанск;Стаханов;Кадиевка;Краснодон;Сорокино;Ровеньки;Антрацит;Красный Луч;Хрустальный;Свердловск Луганская;Брянка;Рубежное;Старобельск
UA-23|occupied|Запорожская область|Zaporizhzhia Oblast|Запорожье|Zaporizhzhia|Zaporozhye;Zaporozhzhia;Мелитополь;Melitopol;Бердянск;Энергодар;Токмак;Васильевка
UA-65|occupied|Херсонская область|Kherson Oblast|Херсон|Kherson|Геническ;Henichesk;Новая Каховка;Каховка;Скадовск;Алешки;Голая Пристань
`;
