export const PRODUCT_NAME = 'Recall Prep';
