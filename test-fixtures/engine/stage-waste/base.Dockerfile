# a base image that wastes 3 MB itself: a file added by one layer and deleted by the next
FROM local/busybox:1
RUN dd if=/dev/zero of=/base-junk.bin bs=1000000 count=3
RUN rm /base-junk.bin
