import type { HandoutLanguage, HandoutTopic } from './handout'

/**
 * The handout texts shipped with Sijill (issue 6), used until a chamber rewrites them:
 * registering in the RNA, and AMO health cover through the CNSS, in Arabic, Amazigh
 * (Tifinagh) and French. Written for people who read little: short sentences, one idea a
 * line. Format: paragraphs separated by blank lines, "# " a heading, "- " a bullet.
 *
 * The Amazigh text is Standard Moroccan Amazigh in Tifinagh; acronyms (RNA, NIA, CIN,
 * AMO, CNSS, QR, MAD) and digits stay Latin, as on Moroccan official papers. A chamber
 * whose staff speak the local variety is expected to adjust it (Settings → handouts).
 */
export interface HandoutDefault {
  title: string
  body: string
}

const RNA: Record<HandoutLanguage, HandoutDefault> = {
  ar: {
    title: 'التسجيل في السجل الوطني للصناعة التقليدية',
    body: `التسجيل في السجل يمنحك وضعا قانونيا معترفا به كصانع تقليدي.
التسجيل مجاني.

# من يمكنه التسجيل؟
- الصانع التقليدي الحاصل على دبلوم، أو الذي يمارس حرفته منذ 3 سنوات أو أكثر.
- المعلم الحرفي: 10 سنوات من الممارسة أو أكثر.
- التعاونية الحرفية.
- المقاولة الحرفية.

# الوثائق التي تحضرها معك
- نسخة من البطاقة الوطنية للتعريف (CIN).
- الدبلوم، أو شهادة مزاولة الحرفة.
- بالنسبة للتعاونية أو المقاولة: وثائقها القانونية.

# مراحل التسجيل
- احضر إلى غرفة الصناعة التقليدية، أو إلى لقاء تحسيسي.
- يملأ موظف الغرفة طلبك ويودعه.
- يدرس السجل الوطني طلبك.
- تتوصل برقمك (NIA) وبشهادة التسجيل مع رمز QR.

# ماذا يمنحك التسجيل؟
- وضع قانوني معترف به لصانع تقليدي.
- الطريق إلى التأمين الإجباري الأساسي عن المرض (AMO) عبر الصندوق الوطني للضمان الاجتماعي.
- الاستفادة من برامج دعم الدولة للصناع التقليديين.`,
  },
  zgh: {
    title: 'ⴽⵛⵎ ⵖⵔ RNA: ⴰⵎⵓⵖ ⴰⵏⴰⵎⵓⵔ ⵏ ⵜⵥⵓⵕⵉ',
    body: `RNA ⵉⴳⴰ ⴰⵎⵓⵖ ⴰⵏⴰⵎⵓⵔ ⵏ ⵉⵏⴰⵥⵓⵕⵏ ⴳ ⵍⵎⵖⵔⵉⴱ.
ⴰⴽⵛⴰⵎ ⵖⵔ RNA ⵉⴼⴽⴰ ⴰⴽ ⴰⴷⴷⴰⴷ ⵓⵏⵚⵉⴱ ⵏ ⵓⵏⴰⵥⵓⵕ.
ⴰⴽⵛⴰⵎ ⵖⵔ RNA ⴱⵍⴰ ⵉⴷⵔⵉⵎⵏ.

# ⵎⴰⵏⵡⴰ ⵉⵣⵎⵔⵏ ⴰⴷ ⵢⴽⵛⵎ?
- ⴰⵏⴰⵥⵓⵕ ⵍⵍⵉ ⵖⵓⵔⵙ ⴰⵙⵍⴽⵉⵏ, ⵏⵖ ⵉⵙⵡⵓⵔⵉ 3 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏⵖ ⵓⴳⴳⴰⵔ ⴳ ⵜⵥⵓⵕⵉ ⵏⵏⵙ.
- ⴰⵏⴰⵥⵓⵕ ⴰⵎⵇⵇⵔⴰⵏ: 10 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵡⵓⵔⵉ ⵏⵖ ⵓⴳⴳⴰⵔ.
- ⵜⴰⵎⵢⴰⵡⴰⵙⵜ ⵏ ⵜⵥⵓⵕⵉ.
- ⵜⴰⵙⵏⵓⵔⴰⵢⵜ ⵏ ⵜⵥⵓⵕⵉ.

# ⵎⴰⴷ ⵔⴰⴷ ⵜⴰⵡⵉⴷ?
- ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵎⴰⴳⵉⵜ (CIN).
- ⴰⵙⵍⴽⵉⵏ, ⵏⵖ ⴰⵔⴰ ⵉⵙⵙⴽⴰⵏⵏ ⵉⵙ ⵜⵙⵡⵓⵔⵉⴷ ⴳ ⵜⵥⵓⵕⵉ ⵏⵏⴽ.
- ⵉ ⵜⵎⵢⴰⵡⴰⵙⵜ ⴷ ⵜⵙⵏⵓⵔⴰⵢⵜ: ⴰⵔⴰ ⵏ ⵓⵙⵏⵓⵍⴼⵓ ⵏⵏⵙⵏⵜ.

# ⵎⴰⵎⴽ ⴰⴷ ⵜⴽⵛⵎⴷ?
- ⴰⵙⵉⴷ ⵖⵔⵏⵖ, ⵏⵖ ⵖⵔ ⵢⴰⵏ ⵓⵎⵙⴰⵡⴰⵍ ⵏⵏⵖ.
- ⴰⴷ ⴽ ⵏⴰⵡⵙ ⴳ ⵓⵙⵓⵜⵔ ⵏⵏⴽ.
- ⴰⵎⵓⵖ ⴰⵏⴰⵎⵓⵔ ⴰⴷ ⵉⵥⵕ ⴰⵙⵓⵜⵔ ⵏⵏⴽ.
- ⵔⴰⴷ ⵜⴰⵎⵥⴷ ⵓⵟⵟⵓⵏ ⵏⵏⴽ NIA ⴷ ⵓⵔⴰ ⵏ ⵓⴽⵛⴰⵎ ⵙ ⵓⵏⴳⵎⴰⵎ QR.

# ⵎⴰⴷ ⴰⴽ ⵉⵜⵜⴰⴽⴽⴰ?
- ⴰⴷⴷⴰⴷ ⵓⵏⵚⵉⴱ ⵏ ⵓⵏⴰⵥⵓⵕ.
- ⵜⴰⵡⵡⵓⵔⵜ ⵖⵔ AMO: ⵜⴰⴷⵓⵙⵉ ⵉ ⴽⵢⵢⵉ ⴷ ⵜⴰⵡⵊⴰ ⵏⵏⴽ.
- ⵜⴰⵡⵡⵓⵔⵜ ⵖⵔ ⵉⵖⴰⵡⴰⵙⵏ ⵏ ⵜⵏⴱⴰⴹⵜ ⵉ ⵉⵏⴰⵥⵓⵕⵏ.`,
  },
  fr: {
    title: "S'inscrire au Registre national de l'artisanat (RNA)",
    body: `L'inscription au RNA vous donne un statut officiel d'artisan.
L'inscription est gratuite.

# Qui peut s'inscrire ?
- L'artisan qui a un diplôme, ou qui pratique son métier depuis 3 ans ou plus.
- Le maître artisan (maâlem) : 10 ans de pratique ou plus.
- La coopérative artisanale.
- L'entreprise artisanale.

# Documents à apporter
- La copie de votre carte nationale (CIN).
- Votre diplôme, ou une attestation de pratique du métier.
- Pour une coopérative ou une entreprise : ses papiers légaux.

# Les étapes
- Venez à la chambre d'artisanat, ou à une séance de sensibilisation.
- Un agent de la chambre remplit votre demande et la dépose.
- Le registre national étudie votre demande.
- Vous recevez votre numéro NIA et votre attestation d'inscription avec un code QR.

# Ce que l'inscription vous apporte
- Un statut légal d'artisan, reconnu par l'État.
- L'accès à l'assurance maladie (AMO) par la CNSS.
- L'accès aux programmes d'aide de l'État pour les artisans.`,
  },
}

const AMO: Record<HandoutLanguage, HandoutDefault> = {
  ar: {
    title: 'التأمين الإجباري الأساسي عن المرض (AMO) للصناع التقليديين',
    body: `التأمين يرد لك جزءا كبيرا من مصاريف العلاج والأدوية.
يسيره الصندوق الوطني للضمان الاجتماعي (CNSS).

# المراحل
- التسجيل في السجل الوطني للصناعة التقليدية (RNA).
- التسجيل القبلي في الصندوق الوطني للضمان الاجتماعي كعامل غير أجير.
- الاستفادة من التغطية الصحية (AMO).

# كم تدفع؟
- 135 درهما في الشهر، للصانع المسجل في السجل الوطني وغير الخاضع للضريبة.
- ادفع كل شهر لتحافظ على حقوقك.

# فتح حساب بنكي
- افتح حسابا في بنك شريك، مثل بريد بنك (Al Barid Bank) أو القرض الفلاحي للمغرب.
- بهذا الحساب تدفع اشتراكاتك.
- وبه تتوصل باسترجاع مصاريف العلاج.

# أسرتك
- زوجك أو زوجتك وأبناؤك مشمولون بالتغطية أيضا.

# أين تسأل؟
- في أقرب وكالة للصندوق الوطني للضمان الاجتماعي.
- في غرفة الصناعة التقليدية: نساعدك مجانا.`,
  },
  zgh: {
    title: 'AMO: ⵜⴰⴷⵓⵙⵉ ⵉ ⵓⵏⴰⵥⵓⵕ ⴷ ⵜⴰⵡⵊⴰ ⵏⵏⵙ',
    body: `AMO ⴰⵔ ⴽ ⵉⵜⵜⴰⵡⵙ ⴳ ⵉⴷⵔⵉⵎⵏ ⵏ ⵓⵎⵓⴹⵏ ⴷ ⵉⵙⴼⵔⴰ.
CNSS ⴰⵢ ⵉⵜⵜⵉⴷⴱⴰⵔⵏ AMO.

# ⵜⵉⵙⵓⵔⵉⴼⵉⵏ
- ⴽⵛⵎ ⵖⵔ RNA ⵣⵡⴰⵔ.
- ⴽⵛⵎ ⵖⵔ CNSS ⵣⵓⵏ ⴷ ⴰⵏⴰⵥⵓⵕ ⵉⵙⵡⵓⵔⵉⵏ ⵉ ⵉⵅⴼ ⵏⵏⵙ.
- ⵔⴰⴷ ⵜⵉⵍⵉⴷ ⴷⴷⴰⵡ AMO.

# ⵎⵏⵏⴰⵡ ⴰⴷ ⵜⴼⴽⴷ?
- 135 MAD ⴳ ⵡⴰⵢⵢⵓⵔ, ⵉ ⵓⵏⴰⵥⵓⵕ ⵍⵍⵉ ⵉⵍⵍⴰⵏ ⴳ RNA ⵓⵔ ⵉⵜⵜⴼⴽⴰ ⵜⵉⵡⵙⵉ.
- ⴼⴽ ⴽⵓ ⴰⵢⵢⵓⵔ ⵃⵎⴰ ⴰⴷ ⵜⵃⴹⵓⴷ ⵉⵣⵔⴼⴰⵏ ⵏⵏⴽ.

# ⴰⵎⵉⴹⴰⵏ ⴳ ⵓⴱⴰⵏⴽ
- ⵕⵥⵎ ⴰⵎⵉⴹⴰⵏ ⴳ ⵢⴰⵏ ⵓⴱⴰⵏⴽ ⴰⵎⴷⴰⵡ: Al Barid Bank ⵏⵖ Crédit Agricole du Maroc.
- ⵙ ⵓⵎⵉⴹⴰⵏ ⴰⴷ ⴰⵔ ⵜⵜⴼⴽⴷ 135 MAD.
- ⵙ ⵓⵎⵉⴹⴰⵏ ⴰⴷ ⴰⵔ ⴰⴽ ⴷ ⵜⵜⵓⵖⵓⵍⵏ ⵉⴷⵔⵉⵎⵏ ⵏ ⵓⵎⵓⴹⵏ.

# ⵜⴰⵡⵊⴰ ⵏⵏⴽ
- AMO ⴰⵔ ⵉⵜⵜⴰⵡⵙ ⵓⵍⴰ ⵜⴰⵡⵊⴰ ⵏⵏⴽ ⴷ ⵜⴰⵔⵡⴰ ⵏⵏⴽ.

# ⵎⴰⵏⵉ ⴰⴷ ⵜⵙⵇⵙⴰⴷ?
- ⴳ ⵓⵏⵙⴰ ⵏ CNSS ⴳ ⵜⵎⴷⵉⵏⵜ ⵏⵏⴽ.
- ⵏⵖ ⵖⵔⵏⵖ: ⴰⴷ ⴽ ⵏⴰⵡⵙ ⴱⵍⴰ ⵉⴷⵔⵉⵎⵏ.`,
  },
  fr: {
    title: "L'assurance maladie (AMO) pour les artisans",
    body: `L'AMO rembourse une grande partie de vos frais de soins et de médicaments.
Elle est gérée par la CNSS.

# Les étapes
- Être inscrit au RNA.
- Faire votre pré-inscription à la CNSS comme travailleur non salarié.
- Vous êtes couvert par l'AMO.

# Combien payer ?
- 135 MAD par mois, pour l'artisan inscrit au RNA et non soumis à l'impôt.
- Payez chaque mois pour garder vos droits.

# Ouvrir un compte bancaire
- Ouvrez un compte dans une banque partenaire, par exemple Al Barid Bank ou le Crédit Agricole du Maroc.
- Ce compte sert à payer vos cotisations.
- Il sert aussi à recevoir vos remboursements.

# Votre famille
- Votre conjoint et vos enfants sont couverts eux aussi.

# Où demander ?
- À l'agence CNSS la plus proche.
- À la chambre d'artisanat : nous vous aidons gratuitement.`,
  },
}

export const HANDOUT_DEFAULTS: Record<HandoutTopic, Record<HandoutLanguage, HandoutDefault>> = {
  rna: RNA,
  amo: AMO,
}

/**
 * The few words a handout prints around its text in Amazigh. The translation files have
 * no Amazigh yet (docs/languages.md: Amazigh for printed outreach), so they live here with
 * the texts; Arabic and French come from the translation files.
 */
export const HANDOUT_WORDS_ZGH = {
  date: 'ⴰⵙⴰⴽⵓⴷ',
  time: 'ⴰⴽⵓⴷ',
  place: 'ⴰⴷⵖⴰⵔ',
} as const
