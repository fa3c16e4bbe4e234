package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PipNoCacheDirTest {

    @Test
    void rule() {
        RuleTester.of(new PipNoCacheDir())
                .valid(
                        "FROM python:3.12\nRUN pip install --no-cache-dir flask\n",
                        "FROM python:3.12\nRUN pip install flask --no-cache-dir\n",
                        "FROM python:3.12\nRUN pip --no-cache-dir install flask\n",
                        "FROM python:3.12\nRUN pip3 install -q --no-cache-dir -r requirements.txt\n",
                        "FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -U pip\n",
                        "FROM python:3.12\nRUN bash -c 'pip install --no-cache-dir flask'\n",
                        // the environment turns the cache off
                        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
                        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=yes\nRUN pip install flask\n",
                        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=\"true\"\nRUN pip install flask\n",
                        "FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
                        "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n",
                        "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n",
                        "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n",
                        "FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=1 pip install flask\n",
                        // cache mounts
                        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
                        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n",
                        "FROM python:3.12\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install flask\n",
                        "FROM python:3.12\nRUN --mount=type=cache,target=$HOME/.cache/pip pip install flask\n",
                        "FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask\n",
                        "FROM python:3.12\nRUN --mount=type=cache,target=/pc pip install --cache-dir /pc flask\n",
                        // cleaned in the same layer
                        "FROM python:3.12\nRUN pip install flask && pip cache purge\n",
                        "FROM python:3.12\nRUN pip install flask && rm -rf /root/.cache/pip\n",
                        "FROM python:3.12\nRUN pip install flask && rm -rf ~/.cache\n",
                        // nothing downloaded
                        "FROM python:3.12\nRUN pip install --no-index --find-links=/wheels /wheels/*.whl\n",
                        // a build stage whose cache does not ship
                        "FROM python:3.12 AS build\nRUN pip wheel -w /wheels -r requirements.txt\n"
                                + "RUN pip install --prefix=/install flask\n"
                                + "FROM python:3.12-slim\nCOPY --from=build /install /usr/local\n",
                        // not pip install
                        "FROM python:3.12\nRUN pip freeze > requirements.txt\n",
                        "FROM python:3.12\nRUN python -c 'import pip' install\n",
                        "FROM python:3.12\nRUN pipx install poetry\n",
                        "FROM python:3.12\nRUN python manage.py install\n")
                .invalid("FROM python:3.12\nRUN python3 -m pip install -r requirements.txt\n", at(2, 20, "~/.cache/pip"))
                .invalid("FROM python:3.12\nRUN /opt/venv/bin/pip3.12 install --upgrade pip\n", at(2, 27, "cache mount"))
                .invalid("FROM python:3.12\nRUN pip --disable-pip-version-check install flask\n", at(2, 37))
                .invalid("FROM python:3.12\nRUN pip install flask && pip install gunicorn\n", at(2, 9), at(2, 30))
                // a false value reads as "keep the cache": not counted (as hadolint), the message says why
                .invalid("FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n", at(3, 9, "PIP_NO_CACHE_DIR=off"))
                .invalid("FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n", at(3, 9, "keep the"))
                .invalid("FROM python:3.12\nARG PIP_NO_CACHE_DIR=false\nRUN pip install flask\n", at(3, 9))
                .invalid("FROM python:3.12\nRUN PIP_NO_CACHE_DIR=no pip install flask\n", at(2, 29, "PIP_NO_CACHE_DIR=no"))
                .invalid("FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=False && pip install flask\n", at(2, 42))
                // ENV after the RUN does not count; an ENV of another variable neither
                .invalid("FROM python:3.12\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n", at(2, 9))
                .invalid("FROM python:3.12\nENV PIP_DISABLE_PIP_VERSION_CHECK=1\nRUN pip install flask\n", at(3, 9))
                // a purge before the install does not count
                .invalid("FROM python:3.12\nRUN pip cache purge; pip install flask\n", at(2, 26))
                // the copied home ships the cache
                .invalid("FROM python:3.12 AS build\nRUN pip install --user flask\n"
                        + "FROM python:3.12-slim\nCOPY --from=build /root /root\n", at(2, 9))
                .fix("FROM python:3.12\nRUN pip install flask\n", Applicability.SAFE,
                        "FROM python:3.12\nRUN pip install --no-cache-dir flask\n", at(2, 9, "`pip install` without"))
                .fix("FROM python:3.12\nRUN bash -c 'pip install flask'\n", Applicability.SAFE,
                        "FROM python:3.12\nRUN bash -c 'pip install --no-cache-dir flask'\n", at(2, 18))
                .fix("FROM python:3.12\nRUN pip install \\\n    flask \\\n    gunicorn\n", Applicability.SAFE,
                        "FROM python:3.12\nRUN pip install --no-cache-dir \\\n    flask \\\n    gunicorn\n", at(2, 9))
                // a later RUN reads pip's cache: no --no-cache-dir
                .invalid("FROM python:3.12\nRUN pip install requests\nRUN ls /root/.cache/pip > /pip-cache.txt\n",
                        at(2, 9, "(no automatic fix: the RUN on line 3 uses it"))
                .test();
    }
}
