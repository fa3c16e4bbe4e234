# rewritten: the toolchain is created and removed in the same RUN, so no layer keeps it
FROM local/busybox:1
RUN mkdir -p /opt/app && dd if=/dev/zero of=/opt/app/toolchain.bin bs=1000000 count=20 \
 && rm /opt/app/toolchain.bin
COPY app.sh data.txt /opt/app/
CMD ["/bin/sh", "/opt/app/app.sh"]
