const express = require('express');

const app = express();
const port = process.env.PORT || 3000;

app.get('/', (req, res) => {
  res.json({ message: 'hello from Express' });
});

app.get('/healthz', (req, res) => res.sendStatus(204));

app.listen(port, () => {
  console.log(`listening on :${port}`);
});
