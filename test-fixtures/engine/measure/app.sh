#!/bin/sh
test -r /opt/app/data.txt && echo "app ok: $(cat /opt/app/data.txt)"
