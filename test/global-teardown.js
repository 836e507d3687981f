// Stops the PostgreSQL the run started (test/global-setup.js).
module.exports = async () => {
  if (typeof globalThis.__PEI_PG_STOP__ === 'function') globalThis.__PEI_PG_STOP__();
};
