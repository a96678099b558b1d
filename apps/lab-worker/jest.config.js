module.exports = { ...require('../../jest.preset.js'), displayName: 'lab-worker' };
