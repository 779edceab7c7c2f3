// Public API of this package: named exports only.
export {};
