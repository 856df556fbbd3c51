// The fixed reference data behind the synthetic creators: regions, creator categories and the
// product category tree (l1 → l2 → l3) that both fake APIs filter on.

import { FASTMOSS_REGIONS } from "../../src/shared/query/types.js";

/**
 * The regions FastMoss ranks, in its documented order; KeyAPI has creators in these only. The list
 * is a fact about the real API, written once: the add-on's own validation reads the same one.
 */
export { FASTMOSS_REGIONS };

export type Region = (typeof FASTMOSS_REGIONS)[number];

export function isDataRegion(code: string): code is Region {
  return (FASTMOSS_REGIONS as readonly string[]).includes(code);
}

export interface RegionProfile {
  /** How many creators the region holds. */
  readonly creators: number;
  /** Creator languages with weights. */
  readonly languages: readonly (readonly [string, number])[];
  /** Local currency units per US dollar, for FastMoss `gmv` beside `usd_gmv`. */
  readonly usdRate: number;
  /** Name pool used for most creators of the region. */
  readonly names: NamePool;
}

export type NamePool = "en" | "es" | "de" | "fr" | "it" | "pt" | "id" | "ja" | "vi" | "th" | "ms";

export const REGION_PROFILES: Readonly<Record<Region, RegionProfile>> = {
  US: {
    creators: 30_000,
    languages: [
      ["en", 88],
      ["es", 10],
      ["zh", 2],
    ],
    usdRate: 1,
    names: "en",
  },
  GB: {
    creators: 5_500,
    languages: [
      ["en", 97],
      ["pl", 3],
    ],
    usdRate: 0.79,
    names: "en",
  },
  MX: {
    creators: 4_000,
    languages: [
      ["es", 98],
      ["en", 2],
    ],
    usdRate: 17.1,
    names: "es",
  },
  ES: {
    creators: 1_200,
    languages: [
      ["es", 95],
      ["ca", 5],
    ],
    usdRate: 0.92,
    names: "es",
  },
  DE: {
    creators: 4_000,
    languages: [
      ["de", 94],
      ["en", 4],
      ["tr", 2],
    ],
    usdRate: 0.92,
    names: "de",
  },
  IT: {
    creators: 1_000,
    languages: [
      ["it", 97],
      ["en", 3],
    ],
    usdRate: 0.92,
    names: "it",
  },
  FR: {
    creators: 3_500,
    languages: [
      ["fr", 96],
      ["ar", 4],
    ],
    usdRate: 0.92,
    names: "fr",
  },
  ID: {
    creators: 6_000,
    languages: [
      ["id", 95],
      ["en", 5],
    ],
    usdRate: 15_800,
    names: "id",
  },
  VN: {
    creators: 1_500,
    languages: [
      ["vi", 98],
      ["en", 2],
    ],
    usdRate: 25_400,
    names: "vi",
  },
  MY: {
    creators: 900,
    languages: [
      ["ms", 60],
      ["en", 25],
      ["zh", 15],
    ],
    usdRate: 4.7,
    names: "ms",
  },
  TH: {
    creators: 1_300,
    languages: [
      ["th", 96],
      ["en", 4],
    ],
    usdRate: 36.2,
    names: "th",
  },
  PH: {
    creators: 1_200,
    languages: [
      ["en", 60],
      ["fil", 40],
    ],
    usdRate: 57.5,
    names: "en",
  },
  BR: {
    creators: 4_500,
    languages: [
      ["pt", 98],
      ["en", 2],
    ],
    usdRate: 5.1,
    names: "pt",
  },
  JP: {
    creators: 3_000,
    languages: [
      ["ja", 97],
      ["en", 3],
    ],
    usdRate: 151,
    names: "ja",
  },
  SG: {
    creators: 400,
    languages: [
      ["en", 70],
      ["zh", 30],
    ],
    usdRate: 1.35,
    names: "en",
  },
};

/** FastMoss creator categories (`creator.category`); KeyAPI sends the name as `category`. */
export const CREATOR_CATEGORIES: ReadonlyMap<number, string> = new Map([
  [1, "Fashion"],
  [2, "Sports & Outdoors"],
  [3, "Food & Drinks"],
  [4, "Beauty"],
  [5, "Home & Living"],
  [6, "Tech & Gadgets"],
  [7, "Mom & Baby"],
  [8, "Pets"],
  [9, "Entertainment"],
  [10, "Health & Fitness"],
  [11, "Gaming"],
  [12, "Education"],
  [13, "Travel"],
  [14, "Automotive"],
  [15, "Lifestyle"],
]);

export interface ProductCategoryL3 {
  readonly id: number;
  readonly name: string;
}
export interface ProductCategoryL2 {
  readonly id: number;
  readonly name: string;
  readonly children: readonly ProductCategoryL3[];
}
export interface ProductCategoryL1 {
  readonly id: number;
  readonly name: string;
  readonly children: readonly ProductCategoryL2[];
}

const l3 = (id: number, name: string): ProductCategoryL3 => ({ id, name });

/** A small slice of the TikTok Shop category tree; l3 ids and names include the seed's own. */
export const PRODUCT_CATEGORIES: readonly ProductCategoryL1[] = [
  {
    id: 14,
    name: "Beauty & Personal Care",
    children: [
      {
        id: 1401,
        name: "Makeup",
        children: [
          l3(601554, "Concealer & Foundation"),
          l3(601534, "Lipstick & Lip Gloss"),
          l3(601540, "Eyeshadow"),
          l3(601545, "Mascara"),
        ],
      },
      {
        id: 1402,
        name: "Skincare",
        children: [
          l3(601619, "Serums & Essences"),
          l3(601612, "Facial Cleansers"),
          l3(601624, "Sunscreen"),
          l3(601630, "Face Masks"),
        ],
      },
      {
        id: 1403,
        name: "Bath & Body Care",
        children: [
          l3(601492, "Body Creams & Lotions"),
          l3(601498, "Body Wash"),
          l3(601503, "Deodorants"),
        ],
      },
      {
        id: 1404,
        name: "Hair Care",
        children: [l3(601660, "Shampoo & Conditioner"), l3(601668, "Hair Oils & Serums")],
      },
    ],
  },
  {
    id: 15,
    name: "Health",
    children: [
      {
        id: 1501,
        name: "Nutrition",
        children: [
          l3(700650, "Wellness Supplements"),
          l3(700655, "Vitamins & Minerals"),
          l3(700661, "Protein Powders"),
        ],
      },
      {
        id: 1502,
        name: "Medical Supplies",
        children: [l3(700702, "First Aid"), l3(700708, "Massage & Relaxation")],
      },
    ],
  },
  {
    id: 2,
    name: "Womenswear & Underwear",
    children: [
      {
        id: 201,
        name: "Women's Tops",
        children: [l3(601226, "T-shirts"), l3(601231, "Blouses & Shirts"), l3(601236, "Hoodies")],
      },
      {
        id: 202,
        name: "Women's Bottoms",
        children: [l3(601250, "Leggings"), l3(601255, "Jeans"), l3(601260, "Skirts")],
      },
      {
        id: 203,
        name: "Dresses",
        children: [l3(601271, "Casual Dresses"), l3(601277, "Maxi Dresses")],
      },
    ],
  },
  {
    id: 9,
    name: "Phones & Electronics",
    children: [
      {
        id: 901,
        name: "Phone Accessories",
        children: [l3(602101, "Phone Cases"), l3(602107, "Chargers & Cables")],
      },
      {
        id: 902,
        name: "Audio",
        children: [l3(602160, "Earbuds"), l3(602166, "Bluetooth Speakers")],
      },
    ],
  },
  {
    id: 6,
    name: "Home Supplies",
    children: [
      {
        id: 601,
        name: "Home Organizers",
        children: [l3(600150, "Storage Boxes"), l3(600157, "Drawer Organizers")],
      },
      {
        id: 602,
        name: "Home Decor",
        children: [l3(600201, "Candles & Holders"), l3(600208, "Wall Art")],
      },
    ],
  },
  {
    id: 7,
    name: "Kitchenware",
    children: [
      {
        id: 701,
        name: "Cookware",
        children: [l3(600401, "Pots & Pans"), l3(600407, "Air Fryer Accessories")],
      },
      {
        id: 702,
        name: "Drinkware",
        children: [l3(600451, "Tumblers"), l3(600457, "Water Bottles")],
      },
    ],
  },
  {
    id: 12,
    name: "Food & Beverages",
    children: [
      {
        id: 1201,
        name: "Snacks",
        children: [l3(700101, "Chips & Crisps"), l3(700107, "Candy & Chocolate")],
      },
      { id: 1202, name: "Drinks", children: [l3(700151, "Coffee"), l3(700157, "Tea")] },
    ],
  },
  {
    id: 18,
    name: "Sports & Outdoor",
    children: [
      {
        id: 1801,
        name: "Fitness Equipment",
        children: [l3(603001, "Resistance Bands"), l3(603007, "Yoga Mats")],
      },
      {
        id: 1802,
        name: "Outdoor Recreation",
        children: [l3(603051, "Camping Gear"), l3(603057, "Hiking Backpacks")],
      },
    ],
  },
  {
    id: 20,
    name: "Baby & Maternity",
    children: [
      { id: 2001, name: "Baby Care", children: [l3(604001, "Diapers"), l3(604007, "Baby Wipes")] },
      { id: 2002, name: "Baby Toys", children: [l3(604051, "Plush Toys"), l3(604057, "Teethers")] },
    ],
  },
  {
    id: 22,
    name: "Pet Supplies",
    children: [
      { id: 2201, name: "Pet Food", children: [l3(604501, "Dog Treats"), l3(604507, "Cat Food")] },
      {
        id: 2202,
        name: "Pet Accessories",
        children: [l3(604551, "Pet Beds"), l3(604557, "Leashes & Collars")],
      },
    ],
  },
];

export interface ProductCategoryPath {
  readonly l1: ProductCategoryL1;
  readonly l2: ProductCategoryL2;
  readonly l3: ProductCategoryL3;
}

/** Every l3 category with its parents, keyed by l3 id. */
export const PRODUCT_CATEGORY_PATHS: ReadonlyMap<number, ProductCategoryPath> = new Map(
  PRODUCT_CATEGORIES.flatMap((l1) =>
    l1.children.flatMap((l2) =>
      l2.children.map((leaf) => [leaf.id, { l1, l2, l3: leaf }] as const),
    ),
  ),
);

/** The l1 categories a creator of each category mostly sells, best match first. */
export const CREATOR_CATEGORY_PRODUCTS: ReadonlyMap<number, readonly number[]> = new Map([
  [1, [2, 14]],
  [2, [18, 15]],
  [3, [12, 7]],
  [4, [14, 15]],
  [5, [6, 7]],
  [6, [9]],
  [7, [20, 14]],
  [8, [22]],
  [9, [9, 12, 2]],
  [10, [15, 18]],
  [11, [9]],
  [12, [9, 6]],
  [13, [18, 9]],
  [14, [9, 6]],
  [15, [6, 14, 2, 12]],
]);

/** Creator categories with how common they are among creators. */
export const CREATOR_CATEGORY_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 14],
  [2, 5],
  [3, 9],
  [4, 13],
  [5, 8],
  [6, 6],
  [7, 5],
  [8, 4],
  [9, 12],
  [10, 6],
  [11, 4],
  [12, 3],
  [13, 3],
  [14, 2],
  [15, 6],
];
