// Names, handles and bios for synthetic creators, including the hostile values a sheet must survive:
// formula-like text, numbers that are not numbers, markup, scripts of every width, emoji sequences.

import type { NamePool } from "./catalogue.js";
import type { Random } from "./random.js";

const FIRST_NAMES: Readonly<Record<NamePool, readonly string[]>> = {
  en: [
    "Hannah",
    "Olivia",
    "Emma",
    "Ava",
    "Mia",
    "Liam",
    "Noah",
    "Jack",
    "Chloe",
    "Grace",
    "Ethan",
    "Zoe",
    "Madison",
    "Tyler",
    "Kayla",
    "Jordan",
    "Brianna",
    "Marcus",
    "Aaliyah",
    "Ryan",
  ],
  es: [
    "Sofía",
    "Valentina",
    "Camila",
    "Ximena",
    "Mateo",
    "Santiago",
    "Lucía",
    "Diego",
    "Regina",
    "Itzel",
    "Alejandro",
    "Paola",
    "Andrés",
    "María José",
  ],
  de: [
    "Lena",
    "Hannah",
    "Leonie",
    "Lukas",
    "Finn",
    "Jonas",
    "Marie",
    "Sophie",
    "Felix",
    "Mia",
    "Paul",
    "Jana",
  ],
  fr: [
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Lucas",
    "Hugo",
    "Louise",
    "Jade",
    "Théo",
    "Camille",
    "Noémie",
    "Mathis",
  ],
  it: [
    "Giulia",
    "Chiara",
    "Francesca",
    "Alessandro",
    "Lorenzo",
    "Martina",
    "Matteo",
    "Sara",
    "Federica",
    "Davide",
  ],
  pt: [
    "Ana",
    "Beatriz",
    "Larissa",
    "João",
    "Gabriel",
    "Júlia",
    "Lucas",
    "Fernanda",
    "Rafaela",
    "Thiago",
  ],
  id: ["Putri", "Ayu", "Dewi", "Rizky", "Fajar", "Siti", "Nabila", "Bayu", "Intan", "Aditya"],
  ja: ["ゆい", "さくら", "はると", "あおい", "みお", "Yuki", "Haruka", "りん", "そうた", "ひなた"],
  vi: ["Linh", "Trang", "Ngọc", "Huy", "Minh", "Thảo", "Anh", "Phương", "Quân", "Hương"],
  th: ["ณัฐ", "ปิยะ", "มายด์", "Ploy", "Nong", "ฝน", "Bam", "แพรว", "Fah", "ต้น"],
  ms: ["Nur", "Aisyah", "Farah", "Amir", "Hakim", "Siti", "Wei Ling", "Arjun", "Mei", "Irfan"],
};

const LAST_NAMES: Readonly<Record<NamePool, readonly string[]>> = {
  en: [
    "Culver",
    "Smith",
    "Johnson",
    "Brown",
    "Walker",
    "Nguyen",
    "Garcia",
    "Miller",
    "Davis",
    "Reed",
    "Hayes",
    "O'Brien",
  ],
  es: ["García", "Hernández", "López", "Martínez", "Santana", "Ramírez", "Flores", "Núñez"],
  de: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Groß"],
  fr: ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux"],
  it: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"],
  pt: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Conceição"],
  id: ["Saputra", "Wijaya", "Pratama", "Lestari", "Hidayat", "Kusuma"],
  ja: ["", "", "Tanaka", "Sato", "", "Suzuki"],
  vi: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"],
  th: ["", "", "Srisuk", "", "Chaiyaporn"],
  ms: ["Abdullah", "Rahman", "Tan", "Lim", "Ismail", "Kumar"],
};

const NICK_STYLES = [
  "beauty",
  "daily",
  "vibes",
  "official",
  "shop",
  "life",
  "tv",
  "finds",
  "mom",
  "eats",
  "fit",
  "home",
  "style",
  "tech",
  "deals",
];

const BIO_PARTS: Readonly<Record<NamePool, readonly string[]>> = {
  en: [
    "Skincare lover",
    "Mom of 3",
    "Amazon & TikTok Shop finds",
    "DM for collabs",
    "Fitness coach",
    "Daily deals",
    "Just a girl who loves makeup",
    "Home hacks",
    "Link in bio",
  ],
  es: [
    "Amante del maquillaje",
    "Mamá de 2",
    "Colaboraciones por DM",
    "Recetas fáciles",
    "Ofertas diarias",
  ],
  de: ["Beauty & Lifestyle", "Kooperationen per DM", "Mama von 2", "Fitness jeden Tag"],
  fr: ["Beauté & lifestyle", "Collabs en DM", "Maman de 2", "Recettes faciles"],
  it: ["Beauty e lifestyle", "Collaborazioni in DM", "Ricette facili"],
  pt: ["Maquiagem e skincare", "Parcerias no direct", "Achadinhos da Shopee e TikTok"],
  id: ["Racun TikTok Shop", "Kolaborasi via DM", "Review jujur", "Ibu rumah tangga"],
  ja: ["コスメ大好き", "お仕事はDMまで", "毎日投稿", "購入品紹介"],
  vi: ["Review mỹ phẩm", "Hợp tác inbox", "Mẹ bỉm sữa", "Săn sale mỗi ngày"],
  th: ["รีวิวเครื่องสำอาง", "ติดต่องานทาง DM", "ของดีบอกต่อ"],
  ms: ["Beauty & lifestyle", "Collab DM", "Ibu 2 anak", "Review jujur"],
};

const EMOJI = ["✨", "💄", "🛍️", "💕", "🔥", "🌸", "👇", "🇺🇸", "🏳️‍🌈", "👩‍👩‍👧", "👨🏽‍💻", "🧑‍🍳"];

/** Display names a spreadsheet must write as plain text, exactly as sent. */
export const HOSTILE_NAMES: readonly string[] = [
  '=HYPERLINK("http://x","y")',
  "王小美💄美妆分享",
  "+1 555 0100",
  "0012345",
  "さくら🌸コスメ",
  "-mia-",
  "<img src=x onerror=alert(1)>",
  "@shop_daily",
  "สวัสดี ค่ะ 🇹🇭",
  "1e5",
  "نور الهدى ✨",
  "=1+1",
  "👩‍👩‍👧 Family Vlogs 👨🏽‍💻",
  "",
  "TRUE",
  "  spaces around  ",
  "'quoted",
  "Zoë 🏳️‍🌈 (she/her)",
  "-1",
  "=SUM(A1:A9)",
];

/** Bios of the same kind: long, multi-line, tabbed, markup, empty. */
export const HOSTILE_SIGNATURES: readonly string[] = [
  `${"Beauty • Skincare • Honest reviews ✨\n".repeat(8)}business: collab@example.com\tDM me`,
  "line one\nline two\r\nline three\ttabbed",
  "<script>alert('x')</script>",
  '=IMPORTXML("http://x","//a")',
  "📦 新品试用 | 合作请私信\n日本語もOK\nภาษาไทย\nالعربية",
  "",
  "@everyone +44 20 7946 0000",
  `${"很长的签名".repeat(120)}`,
];

const handleCache = new Map<string, string>();

/** A name as TikTok handles spell it: ASCII letters and digits only (memoised: pools are small). */
function asciiHandle(name: string): string {
  let handle = handleCache.get(name);
  if (handle === undefined) {
    handle = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    handleCache.set(name, handle);
  }
  return handle;
}

export interface CreatorNames {
  readonly nickname: string;
  readonly uniqueId: string;
}

/** An ordinary creator's display name and handle, in the style of the region. */
export function ordinaryNames(random: Random, pool: NamePool): CreatorNames {
  const first = random.pick(FIRST_NAMES[pool]);
  const last = random.pick(LAST_NAMES[pool]);
  const style = random.next();
  let nickname: string;
  if (style < 0.45) nickname = last ? `${first} ${last}` : first;
  else if (style < 0.7) nickname = `${first} ${random.pick(EMOJI)}`;
  else if (style < 0.9) nickname = `${first}.${random.pick(NICK_STYLES)}`;
  else nickname = `${first.toUpperCase()} | ${random.pick(NICK_STYLES)}`;

  const handleBase = asciiHandle(first) || "user";
  const handleStyle = random.next();
  let uniqueId: string;
  if (handleStyle < 0.35) uniqueId = `${handleBase}${asciiHandle(last)}`;
  else if (handleStyle < 0.65) uniqueId = `${handleBase}${random.int(1, 9999)}`;
  else if (handleStyle < 0.85) uniqueId = `${handleBase}.${random.pick(NICK_STYLES)}`;
  else
    uniqueId = `${handleBase}_${asciiHandle(last) || random.pick(NICK_STYLES)}${random.int(1, 99)}`;
  return { nickname, uniqueId };
}

/** An ordinary bio: empty for a quarter of creators, one or two lines otherwise. */
export function ordinarySignature(random: Random, pool: NamePool): string {
  const style = random.next();
  if (style < 0.25) return "";
  if (style < 0.75) return random.pick(BIO_PARTS[pool]);
  return `${random.pick(BIO_PARTS[pool])} ${random.pick(EMOJI)}\n${random.pick(BIO_PARTS[pool])}`;
}
