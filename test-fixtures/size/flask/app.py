from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(message="hello from Flask")


@app.get("/healthz")
def healthz():
    return "", 204


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
