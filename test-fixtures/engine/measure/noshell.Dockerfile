# like distroless: one static binary and the app's files, no /bin/sh
FROM local/busybox:1 AS tools
FROM scratch
COPY --from=tools /bin/busybox /bin/busybox
COPY data.txt /opt/app/
CMD ["/bin/busybox", "cat", "/opt/app/data.txt"]
