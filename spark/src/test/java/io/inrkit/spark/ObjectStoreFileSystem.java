package io.inrkit.spark;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk under the scheme {@code objectstore:}, which the job treats as an object store
 * (no atomic rename), recording every file it is asked to create.
 */
public class ObjectStoreFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "objectstore";

    /** Paths passed to {@code create}, in order (one JVM: the tasks run in the test's). */
    static final List<String> CREATED = new CopyOnWriteArrayList<>();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        CREATED.add(f.toString());
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        CREATED.add(f.toString());
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }
}
